import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded HTTP load client for GridCare's API, run on demand (never in the test suite) and only
 * against a GridCare on this machine. Java 17 single-file program, no dependencies:
 *
 * <pre>
 *   java bench/LoadClient.java create-orders http://localhost:8080 "$TOKEN" 8 30 customers.txt
 *   java bench/LoadClient.java get http://localhost:8080 "$TOKEN" 8 30 '/api/v1/work-orders?status=ACCEPTED&size=20'
 * </pre>
 *
 * Arguments: mode, base URL, bearer token, concurrent clients, seconds to run (after a 5 s warm-up),
 * then for create-orders a file of customer numbers (one per line) and for get one or more paths
 * (each request takes one at random; {@code {q}} in a path is replaced by a random entry of the
 * optional file given with -Dwords=FILE; with -Dkeys=true each new order carries its own Idempotency-Key,
 * as a careful integration sends it). Prints throughput, error count and latency percentiles.
 *
 * <p>Each client is one HTTP/1.1 keep-alive connection written and read directly (request line, headers, a
 * Content-Length or chunked body): the JDK's HttpClient cost about as much CPU per request as the server's own
 * work, and the client shares the server's two cores.
 */
public class LoadClient {

    private static final String[][] TYPES = {{"FAULT_REPAIR", "FAULT_REPAIR.NO_POWER"},
            {"CONSULTATION", "CONSULTATION.TARIFF"}, {"COMPLAINT", "COMPLAINT.SERVICE"}};

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            System.err.println("usage: LoadClient create-orders|get BASE_URL TOKEN CLIENTS SECONDS FILE|PATH...");
            System.exit(2);
        }
        String mode = args[0];
        String base = args[1].replaceAll("/$", "");
        if (!URI.create(base).getHost().matches("localhost|127\\.0\\.0\\.1|\\[::1\\]")) {
            throw new IllegalArgumentException("load is only ever sent to this machine");
        }
        String token = args[2];
        int clients = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        List<String> rest = Arrays.asList(args).subList(5, args.length);
        List<String> customers = mode.equals("create-orders")
                ? java.nio.file.Files.readAllLines(java.nio.file.Path.of(rest.get(0))) : List.of();
        List<String> words = System.getProperty("words") == null ? List.of()
                : java.nio.file.Files.readAllLines(java.nio.file.Path.of(System.getProperty("words")));

        URI target = URI.create(base);
        String host = target.getHost();
        int port = target.getPort() > 0 ? target.getPort() : 80;
        System.out.printf("warm-up 5 s, then %d s with %d clients: %s%n", seconds, clients, mode);
        run(host, port, mode, token, clients, 5, customers, rest, words);
        Result result = run(host, port, mode, token, clients, seconds, customers, rest, words);
        long[] latencies = result.latenciesMicros;
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "requests %d, errors %d, throughput %.1f/s%n", latencies.length,
                result.errors, latencies.length / (double) seconds);
        System.out.printf(Locale.ROOT, "latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n",
                pct(latencies, 50), pct(latencies, 95), pct(latencies, 99), latencies[latencies.length - 1] / 1000.0);
    }

    record Result(long[] latenciesMicros, long errors) {
    }

    private static Result run(String host, int port, String mode, String token, int clients, int seconds,
                              List<String> customers, List<String> paths, List<String> words) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                List<Long> mine = new ArrayList<>();
                var random = ThreadLocalRandom.current();
                Connection connection = null;
                while (System.nanoTime() < end) {
                    byte[] request = mode.equals("create-orders")
                            ? createOrder(host, port, token, customers.get(random.nextInt(customers.size())), random)
                            : get(host, port, token, paths.get(random.nextInt(paths.size())), words, random);
                    long start = System.nanoTime();
                    try {
                        if (connection == null) {
                            connection = new Connection(host, port);
                        }
                        int status = connection.exchange(request);
                        if (status >= 300) {
                            errors.incrementAndGet();
                        }
                        if (connection.closed) {
                            connection.close();
                            connection = null;
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        if (connection != null) {
                            connection.close();
                            connection = null;
                        }
                    }
                    mine.add((System.nanoTime() - start) / 1000);
                }
                if (connection != null) {
                    connection.close();
                }
                return mine;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (var future : futures) {
            all.addAll(future.get());
        }
        pool.shutdown();
        return new Result(all.stream().mapToLong(Long::longValue).toArray(), errors.get());
    }

    private static byte[] createOrder(String host, int port, String token, String customer,
                                      ThreadLocalRandom random) {
        String[] type = TYPES[random.nextInt(TYPES.length)];
        String body = """
                {"type":"%s","category":"%s","channel":"HOTLINE_95598","priority":"NORMAL","customerNumber":"%s",
                 "callerName":"压测用户","callerPhone":"13800138000","address":"压测地址","description":"benchmark order %d"}
                """.formatted(type[0], type[1], customer.trim(), random.nextInt(1_000_000));
        String key = Boolean.getBoolean("keys") ? "Idempotency-Key: " + java.util.UUID.randomUUID() + "\r\n" : "";
        byte[] json = body.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST /api/v1/work-orders HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n"
                + "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + json.length + "\r\n" + key + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = Arrays.copyOf(head, head.length + json.length);
        System.arraycopy(json, 0, request, head.length, json.length);
        return request;
    }

    private static byte[] get(String host, int port, String token, String path, List<String> words,
                              ThreadLocalRandom random) {
        String resolved = words.isEmpty() ? path : path.replace("{q}",
                java.net.URLEncoder.encode(words.get(random.nextInt(words.size())).trim(), StandardCharsets.UTF_8));
        return ("GET " + resolved + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: Bearer " + token
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** One keep-alive HTTP/1.1 connection: writes a request, reads the status and the whole response. */
    private static final class Connection {

        private final Socket socket = new Socket();
        private final InputStream in;
        private final OutputStream out;
        boolean closed;

        Connection(String host, int port) throws IOException {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(10_000);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 16_384);
            out = new BufferedOutputStream(socket.getOutputStream(), 16_384);
        }

        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim();
                String value = header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                    chunked = true;
                } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                    closed = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                     size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    skip(size);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length > 0) {
                skip(length);
            } else if (length < 0 && status != 204 && status != 304) {
                closed = true; // a body up to the end of the connection
            }
            return status;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new EOFException("connection closed");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        private void skip(long bytes) throws IOException {
            while (bytes > 0) {
                long skipped = in.skip(bytes);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new EOFException("connection closed");
                    }
                    skipped = 1;
                }
                bytes -= skipped;
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1000.0;
    }
}
