// The embedded database's own thread (see embedded-postgres.ts). Plain JavaScript rather than TypeScript: a worker
// thread loads its file with Node's loader alone, under tsx, under the test runner and from dist/ alike.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/** @type {{ pgdata: string | undefined; settings: string[]; initialiseOnly: boolean }} */
const { pgdata, settings, initialiseOnly } = workerData;

const db = await PGlite.create(pgdata, { postgresqlconf: settings });
if (initialiseOnly) {
  await db.close();
  parentPort.postMessage({ initialised: true });
} else {
  // Two slots: the pool's one connection plus room for a reconnect while the old socket is closing.
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 2 });
  await server.start();
  parentPort.postMessage({ port: listeningPort(server) });
  parentPort.once("message", async () => {
    await server.stop();
    await db.close();
    parentPort.postMessage({ stopped: true });
    parentPort.close();
  });
}

/** @param {PGLiteSocketServer} server */
function listeningPort(server) {
  // getServerConn() reports the requested port (0); the bound one is on the underlying net.Server.
  const address = /** @type {any} */ (server).server?.address();
  if (address && typeof address === "object") return address.port;
  const fromConn = Number(server.getServerConn().split(":").pop());
  if (fromConn > 0) return fromConn;
  throw new Error("The embedded database did not report its port");
}
