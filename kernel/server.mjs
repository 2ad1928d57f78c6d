// Runs inside one endpoint's network namespace (kernel test): answers every connection on the given
// ports with the endpoint's name and the address the connection came from, then closes it.
import { createServer } from "node:net";

const [name, ...ports] = process.argv.slice(2);
let listening = 0;
for (const port of ports) {
  const server = createServer((socket) => {
    socket.end(`${name} ${socket.remoteAddress}:${socket.remotePort}\n`);
  });
  server.listen(Number(port), "0.0.0.0", () => {
    listening++;
    if (listening === ports.length) console.log("ready");
  });
}
