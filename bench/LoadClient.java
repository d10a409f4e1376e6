import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1).build();
        System.out.printf("warm-up 5 s, then %d s with %d clients: %s%n", seconds, clients, mode);
        run(http, mode, base, token, clients, 5, customers, rest, words, false);
        Result result = run(http, mode, base, token, clients, seconds, customers, rest, words, true);
        long[] latencies = result.latenciesMicros;
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "requests %d, errors %d, throughput %.1f/s%n", latencies.length,
                result.errors, latencies.length / (double) seconds);
        System.out.printf(Locale.ROOT, "latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n",
                pct(latencies, 50), pct(latencies, 95), pct(latencies, 99), latencies[latencies.length - 1] / 1000.0);
    }

    record Result(long[] latenciesMicros, long errors) {
    }

    private static Result run(HttpClient http, String mode, String base, String token, int clients, int seconds,
                              List<String> customers, List<String> paths, List<String> words, boolean measure)
            throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                List<Long> mine = new ArrayList<>();
                var random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    HttpRequest request = mode.equals("create-orders")
                            ? createOrder(base, token, customers.get(random.nextInt(customers.size())), random)
                            : get(base, token, paths.get(random.nextInt(paths.size())), words, random);
                    long start = System.nanoTime();
                    try {
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() >= 300) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    mine.add((System.nanoTime() - start) / 1000);
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

    private static HttpRequest createOrder(String base, String token, String customer, ThreadLocalRandom random) {
        String[] type = TYPES[random.nextInt(TYPES.length)];
        String body = """
                {"type":"%s","category":"%s","channel":"HOTLINE_95598","priority":"NORMAL","customerNumber":"%s",
                 "callerName":"压测用户","callerPhone":"13800138000","address":"压测地址","description":"benchmark order %d"}
                """.formatted(type[0], type[1], customer.trim(), random.nextInt(1_000_000));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v1/work-orders"));
        if (Boolean.getBoolean("keys")) {
            request.header("Idempotency-Key", java.util.UUID.randomUUID().toString());
        }
        return request
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpRequest get(String base, String token, String path, List<String> words,
                                   ThreadLocalRandom random) {
        String resolved = words.isEmpty() ? path : path.replace("{q}",
                java.net.URLEncoder.encode(words.get(random.nextInt(words.size())).trim(),
                        java.nio.charset.StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(base + resolved))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10))
                .GET().build();
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1000.0;
    }
}
