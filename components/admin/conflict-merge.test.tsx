// @vitest-environment jsdom
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, describe, expect, it } from "vitest";
import { ConflictMerge } from "./conflict-merge";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const mounted: Root[] = [];
afterEach(() => {
  act(() => mounted.splice(0).forEach((root) => root.unmount()));
  document.body.replaceChildren();
});

const theirs = {
  version: 5,
  headline: "Ferry leaves late",
  bodyMdx: "The strike began.\n\nThe ferry left at six.\n\nTalks are planned.\n\nShips wait offshore.",
  savedByName: "Ada Admin",
};
const mine = "The strike began.\n\nThe ferry left at dawn.\n\nTalks are planned.\n\nI added this.";

async function showConflict() {
  const resolved: Array<[string, number]> = [];
  const container = document.body.appendChild(document.createElement("div"));
  const root = createRoot(container);
  mounted.push(root);
  await act(async () =>
    root.render(
      <ConflictMerge theirs={theirs} mine={mine} onResolve={(body, version) => resolved.push([body, version])} />,
    ),
  );
  const control = (name: string) => {
    const label = [...container.querySelectorAll("label")].find((each) => each.textContent === name);
    if (!label) throw new Error(`no control named "${name}"`);
    return label.querySelector("input") ?? label;
  };
  const button = (name: string) => [...container.querySelectorAll("button")].find((b) => b.textContent === name)!;
  const click = (element: HTMLElement) => act(async () => element.click());
  return { container, resolved, control, button, click };
}

describe("the conflict screen", () => {
  it("says who saved which version, and shows their words struck through against mine", async () => {
    const { container } = await showConflict();
    const region = container.querySelector('section[aria-label="Their version"]')!;
    expect(region.querySelector("h2")?.textContent).toBe("Ada Admin saved version 5 while you were editing");
    expect([...region.querySelectorAll("fieldset del")].map((del) => del.textContent)).toEqual([
      "their text: six",
      "their text: Ships wait offshore",
    ]);
    expect([...region.querySelectorAll("fieldset ins")].map((ins) => ins.textContent)).toEqual([
      "my text: dawn",
      "my text: I added this",
    ]);
    expect([...region.querySelectorAll("summary")].map((summary) => summary.textContent)).toEqual([
      "1 unchanged paragraph",
      "1 unchanged paragraph",
    ]);
  });

  it("saves their wording where I take theirs and mine everywhere else, over their version", async () => {
    const { control, button, click, resolved } = await showConflict();
    await click(control("Take theirs for change 1"));
    await click(button("Save the merged version"));
    expect(resolved).toEqual([
      ["The strike began.\n\nThe ferry left at six.\n\nTalks are planned.\n\nI added this.", theirs.version],
    ]);
  });

  it("keeps mine in every change until I choose otherwise", async () => {
    const { control, button, click, resolved } = await showConflict();
    expect((control("Keep mine for change 1") as HTMLInputElement).checked).toBe(true);
    expect((control("Keep mine for change 2") as HTMLInputElement).checked).toBe(true);
    await click(button("Save the merged version"));
    expect(resolved).toEqual([[mine, theirs.version]]);
  });
});
