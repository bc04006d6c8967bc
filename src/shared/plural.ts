/**
 * A count in words with the plural form the language's rules pick (Intl.PluralRules: CLDR's categories, so
 * "one" for 1 and "other" for 0 and 2 in English). `#` in a form stands for the formatted count. English only
 * until the message catalogue brings locales; texts that depend on a count keep their forms next to each other,
 * in the shape a catalogue message has.
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const englishRules = new Intl.PluralRules("en");
const englishNumbers = new Intl.NumberFormat("en");

export function plural(count: number, forms: PluralForms): string {
  const form = forms[englishRules.select(count)] ?? forms.other;
  return form.replace("#", englishNumbers.format(count));
}
