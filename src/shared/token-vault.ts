import sodium from "libsodium-wrappers";

/**
 * Encrypts tokens at rest with libsodium's secretbox (XSalsa20-Poly1305). The stored value is nonce || box,
 * so a database dump holds only ciphertext and a tampered value fails to open instead of decrypting to garbage.
 */
export interface TokenVault {
  seal(plaintext: string): Uint8Array;
  open(sealed: Uint8Array): string;
}

export async function createTokenVault(key: Uint8Array): Promise<TokenVault> {
  await sodium.ready;
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
  await sodium.ready;
  return Buffer.from(sodium.crypto_secretbox_keygen()).toString("base64");
}
