// Runs inside a source's network namespace (kernel test): connects to each target `count` times and
// prints, as JSON, what answered (the server's first line) or how the connection failed.
import { connect } from "node:net";

const targets = JSON.parse(process.argv[2] ?? "[]");

function attempt(host, port, timeoutMs) {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    let data = "";
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ outcome: "timeout" });
    }, timeoutMs);
    socket.on("data", (chunk) => {
      data += chunk;
    });
    socket.on("end", () => {
      clearTimeout(timer);
      const [name, peer] = data.trim().split(" ");
      resolve({ outcome: "delivered", name, peer });
    });
    socket.on("error", (error) => {
      clearTimeout(timer);
      resolve({ outcome: error.code === "ECONNREFUSED" ? "refused" : `error ${error.code}` });
    });
  });
}

// Targets at once (a lost connection's wait overlaps the others), each target's attempts in turn.
const results = await Promise.all(
  targets.map(async ({ host, port, count, timeoutMs }) => {
    const answers = [];
    for (let i = 0; i < count; i++) {
      const answer = await attempt(host, port, timeoutMs);
      answers.push(answer);
      // One lost connection says enough: the others would wait as long.
      if (answer.outcome !== "delivered") break;
    }
    return { host, port, answers };
  }),
);
console.log(JSON.stringify(results));
