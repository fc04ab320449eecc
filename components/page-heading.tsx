import type { ReactNode } from "react";

export function PageHeading({ kicker, title, children }: { kicker?: string; title: string; children?: ReactNode }) {
  return (
    <header className="mb-8 border-b border-stone-300 pb-4 dark:border-stone-700">
      {kicker ? (
        <p className="font-sans text-xs font-semibold tracking-wider text-red-800 uppercase dark:text-red-400">
          {kicker}
        </p>
      ) : null}
      <h1 className="text-4xl font-bold tracking-tight">{title}</h1>
      {children ? <div className="mt-2 text-lg text-stone-700 dark:text-stone-300">{children}</div> : null}
    </header>
  );
}
