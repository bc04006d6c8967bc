import { type Config, publicBaseUrl } from "../config/config.ts";
import { createInstagramClient, type InstagramClient } from "../instagram/instagram-client.ts";

/**
 * The one way the service builds its Instagram adapter, so OAuth, token refresh and the publisher talk to the
 * same hosts with the same app credentials. Undefined while the operator has not set the app id and secret.
 */
export function createInstagramClientFromConfig(config: Config): InstagramClient | undefined {
  if (!config.INSTAGRAM_APP_ID || !config.INSTAGRAM_APP_SECRET) return undefined;
  return createInstagramClient({
    appId: config.INSTAGRAM_APP_ID,
    appSecret: config.INSTAGRAM_APP_SECRET,
    authUrl: config.INSTAGRAM_AUTH_URL,
    apiUrl: config.INSTAGRAM_API_URL,
    graphUrl: config.INSTAGRAM_GRAPH_URL,
  });
}

/**
 * The variables the operator still has to set before an owner can connect Instagram (empty when none).
 * PUBLIC_URL is required because Instagram only redirects to a registered public address.
 */
export function missingInstagramSettings(config: Config): string[] {
  const missing: string[] = [];
  if (!config.INSTAGRAM_APP_ID) missing.push("INSTAGRAM_APP_ID");
  if (!config.INSTAGRAM_APP_SECRET) missing.push("INSTAGRAM_APP_SECRET");
  if (!config.PUBLIC_URL) missing.push("PUBLIC_URL");
  return missing;
}

/** The redirect URI registered in the App Dashboard; the code exchange must send exactly the same value (§A.2). */
export function instagramRedirectUri(config: Config): string {
  return `${publicBaseUrl(config)}/auth/instagram/callback`;
}

/** The link the /connect button opens; it only redirects to Instagram for a live state (see oauth-state.ts). */
export function instagramStartUrl(config: Config, state: string): string {
  return `${publicBaseUrl(config)}/auth/instagram/start?s=${encodeURIComponent(state)}`;
}
