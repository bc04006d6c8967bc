import type Sodium from "libsodium-wrappers";

/**
 * Encrypts tokens at rest with libsodium's secretbox (XSalsa20-Poly1305). The stored value is nonce || box,
 * so a database dump holds only ciphertext and a tampered value fails to open instead of decrypting to garbage.
 */
export interface TokenVault {
  seal(plaintext: string): Uint8Array;
  open(sealed: Uint8Array): string;
}

/**
 * libsodium, loaded on first use: its WebAssembly is compiled when it loads, so start-up begins that (app.ts)
 * while it waits for the database rather than before it.
 */
async function loadSodium(): Promise<typeof Sodium> {
  const { default: sodium } = await import("libsodium-wrappers");
  await sodium.ready;
  return sodium;
}

export async function createTokenVault(key: Uint8Array): Promise<TokenVault> {
  const sodium = await loadSodium();
  if (key.length !== sodium.crypto_secretbox_KEYBYTES) {
    throw new Error(`The encryption key must be ${sodium.crypto_secretbox_KEYBYTES} bytes`);
  }
  return {
    seal(plaintext) {
      const nonce = sodium.randombytes_buf(sodium.crypto_secretbox_NONCEBYTES);
      const box = sodium.crypto_secretbox_easy(sodium.from_string(plaintext), nonce, key);
      const sealed = new Uint8Array(nonce.length + box.length);
      sealed.set(nonce, 0);
      sealed.set(box, nonce.length);
      return sealed;
    },
    open(sealed) {
      const nonce = sealed.subarray(0, sodium.crypto_secretbox_NONCEBYTES);
      const box = sealed.subarray(sodium.crypto_secretbox_NONCEBYTES);
      return sodium.to_string(sodium.crypto_secretbox_open_easy(box, nonce, key));
    },
  };
}

export async function generateEncryptionKey(): Promise<string> {
  const sodium = await loadSodium();
  return Buffer.from(sodium.crypto_secretbox_keygen()).toString("base64");
}
