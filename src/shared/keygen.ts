import { generateEncryptionKey } from "./token-vault.ts";

// `npm run keygen`: prints a fresh ENCRYPTION_KEY value.
console.log(await generateEncryptionKey());
