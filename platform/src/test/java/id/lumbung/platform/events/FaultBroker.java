package id.lumbung.platform.events;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** A broker of the fault test's own (port 19192), started and killed through the project's script. */
public class FaultBroker implements QuarkusTestResourceLifecycleManager {

    static final String NAME = "kafka-fault";
    static final int PORT = 19192;

    @Override
    public Map<String, String> start() {
        script("kill", NAME);
        run("rm", "-rf", Path.of("..", ".lumbung", NAME).toString());
        script("start", NAME, String.valueOf(PORT));
        return Map.of("kafka.bootstrap.servers", "127.0.0.1:" + PORT);
    }

    @Override
    public void stop() {
        script("stop", NAME);
    }

    static void script(String... args) {
        var command = new String[args.length + 2];
        command[0] = "bash";
        command[1] = Path.of("..", "deploy", "local", "kafka.sh").toString();
        System.arraycopy(args, 0, command, 2, args.length);
        run(command);
    }

    private static void run(String... command) {
        try {
            var process = new ProcessBuilder(command).inheritIO().start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
