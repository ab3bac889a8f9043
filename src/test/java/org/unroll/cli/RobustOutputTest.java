package org.unroll.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unroll.engine.Activation;
import org.unroll.engine.CellType;
import org.unroll.io.ModelFile;
import org.unroll.io.SequenceFile;
import org.unroll.task.InitialState;
import org.unroll.task.Scenario;
import org.unroll.task.Setup;
import org.unroll.testing.Fixtures;
import picocli.CommandLine;

/**
 * Output that cannot be written is reported, files are replaced only when complete, the
 * exploding ReLU RNN gets complete answers, and work too large for memory is one line.
 */
class RobustOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A writer whose every write fails, as standard output on a full disk does. */
    private static PrintWriter failing() {
        return new PrintWriter(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("No space left on device");
            }
        });
    }

    private static CliRun intoFailingOutput(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cmd = Cli.commandLine(failing(), new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new CliRun(code, "", err.toString());
    }

    @Test
    void everyCommandReportsOutputThatWasNotWritten() throws IOException {
        String model = Fixtures.model("jeep_lstm").toString();
        String seq = Fixtures.seq("jeep_lstm").toString();
        Path lesson = dir.resolve("ok.lesson");
        Files.writeString(lesson, Files.readString(Path.of("lessons").resolve(firstLesson())));
        for (String[] args : List.of(new String[] {"grad", model, seq},
                new String[] {"gradcheck", model, seq}, new String[] {"lesson", "check", lesson.toString()})) {
            CliRun run = intoFailingOutput(args);
            assertAll(String.join(" ", args),
                    () -> assertNotEquals(ExitCodes.OK, run.exitCode()),
                    () -> assertEquals(1, run.errLines().size(), run.err()),
                    () -> assertTrue(run.err().contains("cannot write the output"), run.err()));
        }
    }

    private static String firstLesson() throws IOException {
        try (var files = Files.list(Path.of("lessons"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".lesson")).sorted()
                    .findFirst().orElseThrow();
        }
    }

    /** bin/unroll's JVM on this test's class path, with stdout going to {@code stdout}. */
    private static Process java(File stdout, List<String> jvm, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvm);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.unroll.Main");
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectOutput(stdout).redirectError(ProcessBuilder.Redirect.PIPE).start();
    }

    @Test
    void gradIntoDevFullExitsNonZeroWithOneLine() throws Exception {
        File full = new File("/dev/full");
        if (!full.exists()) {
            return;
        }
        Process p = java(full, List.of(), "grad", Fixtures.model("jeep_rnn").toString(),
                Fixtures.seq("jeep_rnn").toString());
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(ExitCodes.FAILURE, p.exitValue(), err);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("unroll grad: cannot write the output"), err);
    }

    @Test
    void workTooLargeForTheHeapIsRefusedUpFrontInOneLine() throws Exception {
        Setup big = Setup.JEEP.withHiddenSize(256).withText("a".repeat(3000) + "b");
        Scenario sc = Scenario.build(big);
        Path model = dir.resolve("big.model.json");
        Path seq = dir.resolve("big.seq.json");
        ModelFile.write(sc.model(), model);
        SequenceFile.write(sc.sequence(), seq);
        Process p = java(dir.resolve("out.json").toFile(), List.of("-Xmx24m"), "grad", model.toString(), seq.toString());
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(ExitCodes.FAILURE, p.exitValue(), err);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("unroll grad: ") && err.contains("MiB") && err.contains("-Xmx"), err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), err);
    }

    /** The README's exploding example: ReLU, σ_max(W_hh) = 12, 300 steps. */
    private Path[] exploding() throws IOException {
        Setup s = new Setup(CellType.RNN, Activation.RELU, 16, 7, 12.0, "the quick brown fox ".repeat(15) + "!",
                InitialState.ZEROS, 0.1);
        Scenario sc = Scenario.build(s);
        Path model = dir.resolve("exploding.model.json");
        Path seq = dir.resolve("exploding.seq.json");
        ModelFile.write(sc.model(), model);
        SequenceFile.write(sc.sequence(), seq);
        return new Path[] {model, seq};
    }

    @Test
    void theExplodingRnnGetsACompleteGradFile() throws IOException {
        Path[] in = exploding();
        CliRun run = CliRun.of("grad", in[0].toString(), in[1].toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertEquals("", run.err());
        JsonNode g = JSON.readTree(run.out());
        assertEquals(301, g.get("jacobian_norms").size());
        int infinite = 0;
        for (JsonNode n : g.get("jacobian_norms")) {
            // one encoding for a non-finite result: the string "Infinity"
            assertTrue(n.isNumber() || n.asText().equals("Infinity"), n.toString());
            infinite += n.isNumber() ? 0 : 1;
            assertTrue(!n.isNumber() || n.asDouble() >= 0);
        }
        assertTrue(g.get("jacobian_norms").get(0).asText().equals("Infinity")
                || g.get("jacobian_norms").get(0).asDouble() > 1e100, "explodes: " + g.get("jacobian_norms").get(0));
        assertEquals(300, g.get("step_grads").size(), "complete");
        assertTrue(infinite >= 0);
    }

    @Test
    void theExplodingRnnGetsEveryChart() throws IOException {
        Path[] in = exploding();
        for (RenderCommand.Chart c : RenderCommand.Chart.values()) {
            Path out = dir.resolve(c.id() + ".svg");
            CliRun run = CliRun.of("render", c.id(), in[0].toString(), in[1].toString(), "-o", out.toString(),
                    "--max-entries", "2");
            assertEquals(ExitCodes.OK, run.exitCode(), c.id() + ": " + run.err());
            assertEquals("", run.err(), c.id());
            assertTrue(Files.readString(out).contains("</svg>"), c.id());
        }
    }

    @Test
    void aFailedRenderKeepsTheOldFileByteForByte() throws IOException {
        Path out = dir.resolve("chart.png");
        byte[] old = {1, 2, 3, 4, 5};
        Files.write(out, old);
        // the sequence does not fit the model: the run fails after the output was named
        CliRun run = CliRun.of("render", "step-norms", Fixtures.model("jeep_lstm").toString(),
                Fixtures.seq("regress123_rnn").toString(), "-o", out.toString());
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.err());
        assertArrayEquals(old, Files.readAllBytes(out));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void renderIntoAnUnwritablePlaceIsOneLine() {
        for (String target : new String[] {"/proc/x.png", dir.resolve("missing/dir/x.svg").toString()}) {
            CliRun run = CliRun.of("render", "step-norms", Fixtures.model("jeep_rnn").toString(),
                    Fixtures.seq("jeep_rnn").toString(), "-o", target);
            assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.err());
            assertEquals(1, run.errLines().size(), run.err());
            assertTrue(run.err().startsWith("unroll render: cannot write " + target + ": "), run.err());
        }
        assertFalse(Files.exists(dir.resolve("missing")), "a missing directory is not created");
    }

    @Test
    void aSymlinkIsWrittenThrough() throws IOException {
        Path real = dir.resolve("real.svg");
        Files.writeString(real, "old");
        Path link = dir.resolve("link.svg");
        Files.createSymbolicLink(link, real.getFileName());
        CliRun run = CliRun.of("render", "vanishing", Fixtures.model("jeep_rnn").toString(),
                Fixtures.seq("jeep_rnn").toString(), "-o", link.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertTrue(Files.readString(real).contains("</svg>"), "the file it points to is replaced");
    }
}
