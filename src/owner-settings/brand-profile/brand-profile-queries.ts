import type { Transaction } from "../../database/connect.ts";

/** The drafter's side of a brand's profile, changed one field at a time; false when the brand is gone. */

export async function setLanguage(tx: Transaction, brandId: number, language: string): Promise<boolean> {
  const rows = await tx`update brands set language = ${language} where id = ${brandId} returning id`;
  return rows.length > 0;
}

export async function setAudience(tx: Transaction, brandId: number, audience: string): Promise<boolean> {
  const rows = await tx`update brands set audience = ${audience} where id = ${brandId} returning id`;
  return rows.length > 0;
}

export async function setBannedTerms(tx: Transaction, brandId: number, terms: string[]): Promise<boolean> {
  const rows = await tx`update brands set banned_terms = ${terms}::text[] where id = ${brandId} returning id`;
  return rows.length > 0;
}

export async function setVisualStyle(tx: Transaction, brandId: number, style: string): Promise<boolean> {
  const rows = await tx`update brands set visual_style = ${style} where id = ${brandId} returning id`;
  return rows.length > 0;
}
