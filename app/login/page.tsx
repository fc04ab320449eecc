import type { Metadata } from "next";
import Link from "next/link";
import { site } from "@/lib/site";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Staff sign-in", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  const { callbackUrl } = await searchParams;
  return (
    <main id="main-content" className="mx-auto max-w-sm px-4 py-16">
      <p className="text-center">
        <Link href="/" className="font-serif text-3xl font-black">
          {site.name}
        </Link>
      </p>
      <h1 className="mt-6 mb-6 text-center text-2xl font-bold">Staff sign-in</h1>
      <LoginForm callbackUrl={callbackUrl} />
    </main>
  );
}
