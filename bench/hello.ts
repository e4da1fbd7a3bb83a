import http from 'node:http';

/**
 * The ceiling: the smallest node:http server, measured in the same run as the app so ratios hold on a noisy
 * machine. Prints its port; stops when the bench that started it goes away (its stdin closes).
 */
const body = 'Hello, world!';
const server = http.createServer((_request, response) => {
  response.writeHead(200, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : ''}`);
});
process.stdin.resume();
process.stdin.on('close', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
