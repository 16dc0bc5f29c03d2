import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as enums from "@/lib/generated/prisma/enums";
import { catalogue } from "@/lib/i18n/catalogue";
import { GLOSSARY } from "@/lib/i18n/glossary";
import { SMS_TEMPLATE_NAMES } from "@/lib/env";
import { renderSms, type SmsTemplate } from "@/lib/server/notify/templates";

// One name per thing (issue 18, friction 6): the words the glossary rules out appear in no Chinese text
// the desk shows or sends, and each thing's name lives under one catalogue key.

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Array<[string, string]> {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));
}

function subtrees(tree: Tree, prefix = ""): Array<[string, Tree]> {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [] : [[`${prefix}${k}`, v] as [string, Tree], ...subtrees(v, `${prefix}${k}.`)]));
}

function lookup(key: string): string | Tree | undefined {
  let node: unknown = catalogue["zh-CN"];
  for (const part of key.split(".")) node = node && typeof node === "object" ? (node as Tree)[part] : undefined;
  return node as string | Tree | undefined;
}

const root = path.resolve(import.meta.dirname, "../../..");
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return name === "generated" ? [] : sourceFiles(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}
/** A file's code without its comments (developers' notes may quote an old word to say why it went). */
function withoutComments(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .split("\n")
    .map((line) => (/^\s*\/\//.test(line) ? "" : line.replace(/\s\/\/\s.*$/, "")))
    .join("\n");
}

const zh = leaves(catalogue["zh-CN"] as Tree);
const params = { code: "123456", no: "CD2026", subject: "示范公司", reason: "营业执照照片模糊", amount: "¥98.00", address: "北京", url: "https://desk/x", minutes: "30", hours: "24", text: "正文", company: "示范公司", handler: "钱经办" };
const sms = SMS_TEMPLATE_NAMES.map((name) => [`sms:${name}`, renderSms(name as SmsTemplate, params, "zh-CN")] as const);

describe("glossary", () => {
  for (const entry of GLOSSARY) {
    it(`${entry.zh}: no synonym in the zh catalogue, the SMS texts or the code's own strings`, () => {
      const hits = [...zh, ...sms].filter(([, text]) => entry.notThis.some((re) => re.test(text))).map(([key, text]) => `${key}: ${text.slice(0, 80)}`);
      expect(hits.join("\n"), `use「${entry.zh}」(${entry.thing})`).toBe("");
      const literals = ["app", "components", "lib", "prisma"].flatMap((d) => sourceFiles(path.join(root, d)))
        .filter((f) => !f.includes(`${path.sep}i18n${path.sep}`))
        .flatMap((f) => withoutComments(readFileSync(f, "utf8")).split("\n").filter((line) => entry.notThis.some((re) => re.test(line))).map((line) => `${path.relative(root, f)}: ${line.trim().slice(0, 80)}`));
      expect(literals.join("\n"), `use「${entry.zh}」in code too`).toBe("");
    });
    if (entry.key) {
      it(`${entry.zh}: its name is at ${entry.key}`, () => {
        const node = lookup(entry.key!);
        expect(node, entry.key).toBeDefined();
        if (typeof node === "string") expect(node).toBe(entry.zh);
      });
    }
    if (entry.enumName) {
      it(`${entry.zh}: only ${entry.key} names every ${entry.enumName} value`, () => {
        const values = Object.values((enums as unknown as Record<string, Record<string, string>>)[entry.enumName!]!);
        const maps = subtrees(catalogue["zh-CN"] as Tree).filter(([, tree]) => values.every((v) => typeof tree[v] === "string")).map(([key]) => key);
        expect(maps.sort()).toEqual([entry.key!, ...(entry.otherMaps ?? [])].sort());
      });
    }
  }

  it("rules out words, not the glossary's own names", () => {
    for (const entry of GLOSSARY) for (const re of entry.notThis) expect(re.test(entry.zh), `${entry.zh} vs ${re}`).toBe(false);
  });
});
