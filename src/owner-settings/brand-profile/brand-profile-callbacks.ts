import type { BrandProfileField } from "./brand-profile-fields.ts";

/**
 * callback_data of the /brand view's edit buttons: `prof:<field>:<brand id>`, at most 27 bytes of Telegram's 64.
 * The word prefix is used by no other button (settings-callbacks.ts lists the others).
 */
const CODES: Record<BrandProfileField, string> = {
  language: "lang",
  audience: "aud",
  bannedTerms: "ban",
  visualStyle: "style",
};

export const PROFILE_FIELDS = Object.keys(CODES) as BrandProfileField[];

export function profileEditCallback(field: BrandProfileField, brandId: number): string {
  return `prof:${CODES[field]}:${brandId}`;
}

export function profileEditPattern(field: BrandProfileField): RegExp {
  return new RegExp(`^prof:${CODES[field]}:([1-9]\\d{0,14})$`);
}
