package org.unroll.lesson;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.nio.ByteBuffer;
import org.unroll.engine.Activation;
import org.unroll.engine.BackwardStage;
import org.unroll.engine.CellType;
import org.unroll.engine.Cursor;
import org.unroll.task.InitialState;
import org.unroll.task.Numbers;
import org.unroll.task.Setup;

/**
 * Reads the {@code .lesson} format (see {@code lessons/README.md}): one directive a line,
 * {@code #} comments, indented lines continuing the text above. Reports every problem it
 * finds with its line, as {@code file:line: reason}.
 */
public final class LessonParser {

    /** The setup directives, in the order the README lists them. */
    public static final List<String> SETUP_DIRECTIVES = List.of(
            "cell", "activation", "hidden", "seed", "spectral_norm", "text", "initial_state", "learning_rate",
            "sequence", "targets", "weights", "train", "layers", "bidirectional", "batch");

    /** The texts a step may carry besides its narration: a question's, written {@code ask.en:} and so on. */
    private static final List<String> QUESTION_TEXTS = List.of("ask", "options", "explain");

    private static final List<String> DIRECTIVES;

    static {
        List<String> d = new ArrayList<>(List.of("lesson"));
        for (Lang l : Lang.values()) {
            d.add("title." + l.code() + ":");
        }
        d.add("step");
        d.add("at");
        d.add("show");
        d.add("check");
        d.add("question");
        d.add("reproduce");
        d.add("network");
        d.add("exercise");
        d.addAll(SETUP_DIRECTIVES);
        for (Lang l : Lang.values()) {
            d.add(l.code() + ":");
        }
        for (String q : QUESTION_TEXTS) {
            for (Lang l : Lang.values()) {
                d.add(q + "." + l.code() + ":");
            }
        }
        DIRECTIVES = List.copyOf(d);
    }

    private final String source;
    private final List<LessonProblem> problems = new ArrayList<>();

    // what has been read so far
    private String id;
    private int idLine;
    private final Map<Lang, StringBuilder> title = new EnumMap<>(Lang.class);
    private final Map<Lang, Integer> titleLines = new EnumMap<>(Lang.class);
    private Setup setup = Setup.JEEP;
    private Setup lessonSetup;
    private Cursor cursor = Cursor.START;
    /** What the steps so far named with {@code show}, carried forward like the cursor; null before the first. */
    private Shown shown;
    /** text.LANG lines in force: the text a reader of that language sees instead of setup.text() */
    private final Map<Lang, String> localText = new EnumMap<>(Lang.class);
    private int cursorLine;
    private final List<Step> steps = new ArrayList<>();
    private final List<Localized> exercises = new ArrayList<>();
    private PendingStep step;
    /** the text a continuation line adds to, or null */
    private StringBuilder open;

    private static final class PendingStep {
        final int line;
        /** an {@code exercise} block: narration only */
        final boolean exercise;
        final Map<Lang, StringBuilder> text = new EnumMap<>(Lang.class);
        final Map<Lang, Integer> lines = new EnumMap<>(Lang.class);
        /** the question's texts: "ask", "options", "explain" → per language */
        final Map<String, Map<Lang, StringBuilder>> qText = new LinkedHashMap<>();
        final Map<String, Map<Lang, Integer>> qLines = new LinkedHashMap<>();
        final Map<String, Integer> seen = new LinkedHashMap<>();
        final List<String> changes = new ArrayList<>();
        final List<Check> checks = new ArrayList<>();
        final List<Reproduction> reproductions = new ArrayList<>();
        final List<NetworkFacts> networks = new ArrayList<>();
        boolean hasAt;
        boolean hasShow;
        int questionLine;
        Question.Kind questionKind;
        Expression answer;
        double tolerance;
        int choice;

        PendingStep(int line, boolean exercise) {
            this.line = line;
            this.exercise = exercise;
        }
    }

    private LessonParser(String source) {
        this.source = source;
    }

    /** Reads a lesson file (UTF-8); the name in messages is the path as given. */
    public static Lesson parse(Path file) throws IOException, LessonFormatException {
        String text;
        try {
            text = org.unroll.io.SafeFiles.readText(file);
        } catch (org.unroll.io.SafeFiles.Unreadable e) {
            throw new LessonFormatException(List.of(new LessonProblem(file.toString(), 0, e.getMessage())));
        }
        return parse(file.toString(), text);
    }

    /** Reads a lesson from its text; {@code source} names it in messages. */
    public static Lesson parse(String source, String text) throws LessonFormatException {
        return new LessonParser(source).run(text);
    }

    private Lesson run(String text) throws LessonFormatException {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            line(i + 1, lines[i]);
        }
        endStep();
        if (id == null) {
            problem(1, "the file does not start with \"lesson ID\"");
        } else {
            for (Lang l : Lang.values()) {
                if (!title.containsKey(l)) {
                    problem(idLine, "the lesson has no title." + l.code() + ": line");
                }
            }
            if (steps.isEmpty() && problems.isEmpty()) {
                problem(idLine, "the lesson has no steps (a line \"step\" starts one)");
            }
        }
        if (!problems.isEmpty()) {
            throw new LessonFormatException(problems);
        }
        Map<Lang, String> t = new EnumMap<>(Lang.class);
        title.forEach((l, sb) -> t.put(l, sb.toString()));
        return new Lesson(id, new Localized(t, titleLines), lessonSetup != null ? lessonSetup : setup, steps, source,
                exercises);
    }

    private void problem(int line, String reason) {
        problems.add(new LessonProblem(source, line, reason));
    }

    private void line(int n, String raw) {
        String line = stripEnd(raw);
        if (line.isBlank()) {
            open = null;
            return;
        }
        if (Character.isWhitespace(line.charAt(0))) {
            String more = line.strip();
            if (more.startsWith("#")) {
                return;
            }
            if (open == null) {
                problem(n, "an indented line continues a title or narration line, but there is none just above");
                return;
            }
            join(open, more);
            return;
        }
        open = null;
        if (line.startsWith("#")) {
            return;
        }
        int sp = indexOfSpace(line);
        String head = sp < 0 ? line : line.substring(0, sp);
        String rest = sp < 0 ? "" : line.substring(sp).strip();
        if (head.endsWith(":") || (rest.startsWith(":") && isTextKey(head + ":"))) {
            if (!head.endsWith(":")) {
                head = head + ":";
                rest = rest.substring(1).strip();
            }
            text(n, head, rest);
            return;
        }
        if (id == null && !head.equals("lesson")) {
            problem(n, "the file must start with \"lesson ID\" (comments and blank lines may come first)");
            id = "";
            idLine = n;
        }
        switch (head) {
            case "lesson" -> lessonLine(n, rest);
            case "step" -> {
                if (!rest.isEmpty()) {
                    problem(n, "\"step\" takes nothing after it (write the narration on the lines below)");
                }
                endStep();
                if (!exercises.isEmpty()) {
                    problem(n, "a step after an exercise (exercises close the lesson)");
                }
                step = new PendingStep(n, false);
            }
            case "exercise" -> {
                if (!rest.isEmpty()) {
                    problem(n, "\"exercise\" takes nothing after it (write its text on the lines below)");
                }
                endStep();
                if (steps.isEmpty()) {
                    problem(n, "an exercise before the first step (exercises close the lesson)");
                }
                step = new PendingStep(n, true);
            }
            case "at" -> at(n, rest);
            case "show" -> show(n, rest);
            case "check" -> check(n, rest);
            case "question" -> question(n, rest);
            case "reproduce" -> reproduce(n, rest);
            case "network" -> network(n, rest);
            default -> {
                if (head.startsWith("text.") && Lang.ofCode(head.substring(5)) != null
                        && Lang.ofCode(head.substring(5)).code().equals(head.substring(5))) {
                    localTextLine(n, Lang.ofCode(head.substring(5)), rest);
                } else if (SETUP_DIRECTIVES.contains(head)) {
                    setupLine(n, head, rest);
                } else {
                    unknown(n, head);
                }
            }
        }
    }

    private static boolean isTextKey(String key) {
        String name = key.substring(0, key.length() - 1);
        int dot = name.indexOf('.');
        if (dot > 0 && (name.startsWith("title.") || QUESTION_TEXTS.contains(name.substring(0, dot)))) {
            return true;
        }
        return Lang.ofCode(name) != null;
    }

    /** {@code check A < B}: a fact about live values that {@code lesson check} verifies. */
    private void check(int n, String rest) {
        if (step == null || step.exercise) {
            problem(n, "\"check\" belongs inside a step");
            return;
        }
        try {
            step.checks.add(new Check(n, Expression.comparison(rest)));
        } catch (IllegalArgumentException e) {
            problem(n, e.getMessage());
        }
    }

    /** {@code reproduce TASK key=value … expect name=number …}: a run whose numbers the narration quotes. */
    private void reproduce(int n, String rest) {
        if (step == null || step.exercise) {
            problem(n, "\"reproduce\" belongs inside a step");
            return;
        }
        String usage = " (expected \"reproduce adding cell=rnn hidden=16 length=40 iterations=1000 expect test_mse=0.1643\")";
        String[] words = rest.isBlank() ? new String[0] : rest.strip().split("\\s+");
        if (words.length == 0) {
            problem(n, "\"reproduce\" needs a task" + usage);
            return;
        }
        String task = words[0];
        if (!List.of("adding", "copy", "sine", "text", "regress123").contains(task)) {
            problem(n, "\"reproduce\": unknown task \"" + task + "\" (expected adding, copy, sine, text or regress123)");
            return;
        }
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, String> expected = new LinkedHashMap<>();
        boolean expecting = false;
        for (int i = 1; i < words.length; i++) {
            if (words[i].equals("expect")) {
                expecting = true;
                continue;
            }
            int eq = words[i].indexOf('=');
            if (eq <= 0 || eq == words[i].length() - 1) {
                problem(n, "\"reproduce\": \"" + words[i] + "\" is not key=value" + usage);
                return;
            }
            String key = words[i].substring(0, eq);
            String value = words[i].substring(eq + 1);
            if (expecting) {
                try {
                    Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    problem(n, "\"reproduce\": the expected " + key + " must be a number, got \"" + value + "\"");
                    return;
                }
                expected.put(key, value);
            } else if (!Reproduction.OPTIONS.contains(key)) {
                problem(n, "\"reproduce\": unknown option \"" + key + "\" (expected " + String.join(", ", Reproduction.OPTIONS)
                        + ", then \"expect\")");
                return;
            } else {
                options.put(key, value);
            }
        }
        if (expected.isEmpty()) {
            problem(n, "\"reproduce\" expects nothing: write the numbers the narration quotes after \"expect\"" + usage);
            return;
        }
        Reproduction r = new Reproduction(n, task, options, expected);
        try {
            r.taskOptions();
        } catch (IllegalArgumentException e) {
            problem(n, "\"reproduce\": " + e.getMessage());
            return;
        }
        step.reproductions.add(r);
    }

    /** {@code network cell=rnn layers=2 bidirectional=yes hidden=4 seed=7 words=a,b expect loss=… }: facts of a network on the engine. */
    private void network(int n, String rest) {
        if (step == null || step.exercise) {
            problem(n, "\"network\" belongs inside a step");
            return;
        }
        String usage = " (expected \"network cell=rnn layers=2 bidirectional=yes hidden=4 seed=7 words=cat,horse"
                + " expect loss=… padded_loss=0.000000\")";
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, String> expected = new LinkedHashMap<>();
        boolean expecting = false;
        for (String w : rest.isBlank() ? new String[0] : rest.strip().split("\\s+")) {
            if (w.equals("expect")) {
                expecting = true;
                continue;
            }
            int eq = w.indexOf('=');
            if (eq <= 0 || eq == w.length() - 1) {
                problem(n, "\"network\": \"" + w + "\" is not key=value" + usage);
                return;
            }
            String key = w.substring(0, eq);
            String value = w.substring(eq + 1);
            if (expecting) {
                try {
                    Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    problem(n, "\"network\": the expected " + key + " must be a number, got \"" + value + "\"");
                    return;
                }
                expected.put(key, value);
            } else if (!NetworkFacts.OPTIONS.contains(key)) {
                problem(n, "\"network\": unknown option \"" + key + "\" (expected " + String.join(", ", NetworkFacts.OPTIONS)
                        + ", then \"expect\")");
                return;
            } else {
                options.put(key, value);
            }
        }
        if (expected.isEmpty()) {
            problem(n, "\"network\" expects nothing: write the numbers the narration quotes after \"expect\"" + usage);
            return;
        }
        NetworkFacts f = new NetworkFacts(n, options, expected);
        try {
            f.validate();
        } catch (IllegalArgumentException e) {
            problem(n, "\"network\": " + e.getMessage());
            return;
        }
        step.networks.add(f);
    }

    /** {@code question choice K} or {@code question number EXPR ± TOL}. */
    private void question(int n, String rest) {
        if (step == null || step.exercise) {
            problem(n, "\"question\" belongs inside a step");
            return;
        }
        if (step.questionLine > 0) {
            problem(n, "a second question in this step (the first is on line " + step.questionLine + ")");
            return;
        }
        step.questionLine = n;
        String expected = " (expected \"question choice K\" with K the right option counted from 1, or"
                + " \"question number EXPR ± TOLERANCE\")";
        String[] w = rest.split("\\s+", 2);
        if (w[0].equals("choice")) {
            step.questionKind = Question.Kind.CHOICE;
            Integer k = w.length == 2 ? positive(n, w[1].strip(), "the right option") : null;
            if (w.length != 2) {
                problem(n, "\"question choice\" needs the right option" + expected);
            }
            step.choice = k == null ? 0 : k;
        } else if (w[0].equals("number")) {
            step.questionKind = Question.Kind.NUMBER;
            String body = w.length == 2 ? w[1] : "";
            int pm = body.indexOf('±');
            int len = 1;
            if (pm < 0) {
                pm = body.indexOf("+-");
                len = 2;
            }
            if (pm < 0) {
                problem(n, "\"question number\" needs the answer and a tolerance, e.g. \"question number {h[1]} ± 0.01\"");
                return;
            }
            try {
                step.answer = Expression.parse(body.substring(0, pm));
                step.tolerance = real(body.substring(pm + len).strip(), "the tolerance");
                if (step.tolerance < 0) {
                    problem(n, "the tolerance must not be negative");
                }
            } catch (IllegalArgumentException e) {
                problem(n, e.getMessage());
            }
        } else {
            problem(n, "unknown question kind \"" + w[0] + "\"" + expected);
        }
    }

    private void unknown(int n, String head) {
        String near = Suggest.nearest(head.toLowerCase(Locale.ROOT), DIRECTIVES.stream().map(d -> d.replace(":", "")).toList());
        problem(n, "unknown directive \"" + head + "\"" + (near != null ? ", did you mean \"" + near + "\"?" : "")
                + " (expected " + String.join(", ", DIRECTIVES) + ")");
    }

    private void lessonLine(int n, String rest) {
        if (id != null && !id.isEmpty()) {
            problem(n, "a second \"lesson\" line (the first is on line " + idLine + ")");
            return;
        }
        if (!rest.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            problem(n, "the lesson id must be one word of letters, digits, '.', '-' or '_', got \"" + rest + "\"");
        }
        id = rest;
        idLine = n;
    }

    private void text(int n, String key, String rest) {
        String name = key.substring(0, key.length() - 1);
        int dot = name.indexOf('.');
        if (dot > 0 && QUESTION_TEXTS.contains(name.substring(0, dot))) {
            questionText(n, key, name.substring(0, dot), name.substring(dot + 1), rest);
            return;
        }
        if (name.startsWith("title.")) {
            Lang l = Lang.ofCode(name.substring(6));
            if (l == null || !name.substring(6).equals(l.code())) {
                unknown(n, key);
                return;
            }
            if (step != null || !steps.isEmpty()) {
                problem(n, "the title belongs before the first step");
                return;
            }
            if (title.containsKey(l)) {
                problem(n, "a second " + key + " line (the first is on line " + titleLines.get(l) + ")");
                return;
            }
            if (rest.isEmpty()) {
                problem(n, key + " is empty");
            }
            StringBuilder sb = new StringBuilder(rest);
            title.put(l, sb);
            titleLines.put(l, n);
            open = sb;
            return;
        }
        Lang l = Lang.ofCode(name);
        if (l == null || !name.equals(l.code())) {
            unknown(n, key);
            return;
        }
        if (step == null) {
            problem(n, "narration (" + key + ") before the first \"step\" line");
            return;
        }
        if (step.text.containsKey(l)) {
            problem(n, "a second " + key + " in this step (the first is on line " + step.lines.get(l) + ")");
            return;
        }
        StringBuilder sb = new StringBuilder(rest);
        step.text.put(l, sb);
        step.lines.put(l, n);
        open = sb;
    }

    private void questionText(int n, String key, String kind, String code, String rest) {
        Lang l = Lang.ofCode(code);
        if (l == null || !code.equals(l.code())) {
            unknown(n, key);
            return;
        }
        if (step == null || step.exercise) {
            problem(n, key + " belongs inside a step, after its \"question\" line");
            return;
        }
        Map<Lang, StringBuilder> texts = step.qText.computeIfAbsent(kind, k -> new EnumMap<>(Lang.class));
        Map<Lang, Integer> lines = step.qLines.computeIfAbsent(kind, k -> new EnumMap<>(Lang.class));
        if (texts.containsKey(l)) {
            problem(n, "a second " + key + " in this step (the first is on line " + lines.get(l) + ")");
            return;
        }
        StringBuilder sb = new StringBuilder(rest);
        texts.put(l, sb);
        lines.put(l, n);
        open = sb;
    }

    private void at(int n, String rest) {
        if (step != null && step.exercise) {
            problem(n, "\"at\" belongs inside a step, not an exercise");
            return;
        }
        if (step == null) {
            problem(n, "\"at\" belongs inside a step (a line \"step\" starts one)");
            return;
        }
        if (step.hasAt) {
            problem(n, "a second \"at\" in this step");
            return;
        }
        step.hasAt = true;
        Cursor c = cursorTarget(n, rest);
        if (c != null) {
            cursor = c;
            cursorLine = n;
        }
    }

    /** show formula|values|step_norms|vanishing|gates|contributions|gradcheck: what the window brings to the front. */
    private void show(int n, String rest) {
        if (step == null || step.exercise) {
            problem(n, "\"show\" belongs inside a step (a line \"step\" starts one)");
            return;
        }
        if (step.hasShow) {
            problem(n, "a second \"show\" in this step");
            return;
        }
        step.hasShow = true;
        Shown s = Shown.ofWord(rest.strip());
        if (s == null) {
            List<String> words = java.util.Arrays.stream(Shown.values()).map(Shown::word).toList();
            String near = Suggest.nearest(rest.strip().toLowerCase(Locale.ROOT), words);
            problem(n, "\"show " + rest.strip() + "\": expected one of " + String.join(", ", words)
                    + (near == null ? "" : " (did you mean \"" + near + "\"?)"));
            return;
        }
        shown = s;
        showLine = n;
    }

    /** The line of the last {@code show}, for reporting a chart the step's model has not got. */
    private int showLine;

    /** start | forward T | loss | backward T stage S | update, with steps counted from 1. */
    private Cursor cursorTarget(int n, String rest) {
        String[] w = rest.isEmpty() ? new String[0] : rest.split("\\s+");
        String expected = " (expected start, forward T, loss, backward T stage S, or update; T counts from 1, S is 1 … 4)";
        if (w.length == 0) {
            problem(n, "\"at\" needs a target" + expected);
            return null;
        }
        switch (w[0]) {
            case "start", "loss", "update" -> {
                if (w.length != 1) {
                    problem(n, "\"at " + w[0] + "\" takes nothing after it");
                    return null;
                }
                return w[0].equals("start") ? Cursor.START : w[0].equals("loss") ? Cursor.loss() : Cursor.update();
            }
            case "forward" -> {
                if (w.length != 2) {
                    problem(n, "expected \"at forward T\", got \"at " + rest + "\"");
                    return null;
                }
                Integer t = positive(n, w[1], "the step");
                return t == null ? null : Cursor.forward(t - 1);
            }
            case "backward" -> {
                if (w.length != 4 || !w[2].equals("stage")) {
                    problem(n, "expected \"at backward T stage S\", got \"at " + rest + "\"");
                    return null;
                }
                Integer t = positive(n, w[1], "the step");
                Integer s = positive(n, w[3], "the stage");
                if (t == null || s == null) {
                    return null;
                }
                if (s > BackwardStage.values().length) {
                    problem(n, "the stage must be 1 … 4, got " + s);
                    return null;
                }
                return Cursor.backward(t - 1, BackwardStage.values()[s - 1]);
            }
            default -> {
                problem(n, "unknown cursor target \"" + w[0] + "\"" + expected);
                return null;
            }
        }
    }

    private Integer positive(int n, String word, String what) {
        try {
            int v = Integer.parseInt(word);
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        problem(n, what + " must be a whole number from 1, got \"" + word + "\"");
        return null;
    }

    /** {@code text.zh_TW 我愛你}: the same text in another script, as many characters long. */
    private void localTextLine(int n, Lang lang, String rest) {
        if ((step != null && step.exercise) || (step == null && !steps.isEmpty())) {
            problem(n, "text." + lang.code() + " belongs inside a step or before the first one");
            return;
        }
        if (setup.numbers() != null) {
            problem(n, "text." + lang.code() + " needs a text task, not a numeric sequence");
            return;
        }
        int want = setup.text().codePointCount(0, setup.text().length());
        int got = rest.codePointCount(0, rest.length());
        if (got != want) {
            problem(n, "text." + lang.code() + " has " + got + " characters but the text \"" + setup.text() + "\" has " + want
                    + " (write \"text\" before it, and the same text in the other script)");
            return;
        }
        localText.put(lang, rest);
        if (step != null) {
            step.changes.add("text." + lang.code() + " " + rest);
        }
    }

    private void setupLine(int n, String key, String rest) {
        if (step != null && step.exercise) {
            problem(n, key + " belongs inside a step, not an exercise");
            return;
        }
        if (step != null) {
            Integer before = step.seen.put(key, n);
            if (before != null) {
                problem(n, key + " is set twice in this step (first on line " + before + ")");
                return;
            }
            step.changes.add(key + " " + rest);
        } else if (!steps.isEmpty()) {
            problem(n, key + " between steps belongs inside a step");
            return;
        }
        if (rest.isEmpty()) {
            problem(n, key + " needs a value");
            return;
        }
        try {
            setup = switch (key) {
                case "cell" -> setup.withCell(choice(rest, CellType.values(), "cell"));
                case "activation" -> setup.withActivation(choice(rest, Activation.values(), "activation"));
                case "hidden" -> setup.withHiddenSize(whole(rest, "hidden"));
                case "seed" -> setup.withSeed(wholeLong(rest, "seed"));
                case "spectral_norm" -> setup.withSpectralNorm(real(rest, "spectral_norm"));
                case "text" -> {
                    localText.clear();
                    yield setup.withText(text(rest));
                }
                case "initial_state" -> setup.withInitialState(choice(rest, InitialState.values(), "initial_state"));
                case "learning_rate" -> setup.withLearningRate(real(rest, "learning_rate"));
                case "sequence" -> {
                    localText.clear();
                    yield setup.withNumbers(new Numbers(reals(rest, "sequence"),
                        setup.numbers() != null ? setup.numbers().targets() : List.of(),
                        setup.numbers() != null ? setup.numbers().weights() : null));
                }
                case "targets" -> setup.withNumbers(numbers(key).withTargets(reals(rest, "targets")));
                case "weights" -> setup.withNumbers(numbers(key).withWeights(weights(rest)));
                case "train" -> setup.withTraining(training(rest));
                case "layers" -> setup.withLayers(whole(rest, "layers"));
                case "bidirectional" -> {
                    if (!rest.equals("yes") && !rest.equals("no")) {
                        throw new IllegalArgumentException("bidirectional must be yes or no, got \"" + rest + "\"");
                    }
                    yield setup.withBidirectional(rest.equals("yes"));
                }
                case "batch" -> {
                    localText.clear();
                    yield setup.withBatch(rest.equals("off") ? List.of() : Setup.parseBatch(rest));
                }
                default -> throw new IllegalStateException(key);
            };
        } catch (IllegalArgumentException e) {
            problem(n, e.getMessage());
        }
    }

    private static <E extends Enum<E>> E choice(String word, E[] values, String key) {
        List<String> names = new ArrayList<>();
        for (E v : values) {
            String name = v.name().toLowerCase(Locale.ROOT);
            if (name.equals(word)) {
                return v;
            }
            names.add(name);
        }
        throw new IllegalArgumentException("unknown " + key + " \"" + word + "\" (expected " + String.join(", ", names) + ")");
    }

    private Numbers numbers(String key) {
        if (setup.numbers() == null) {
            throw new IllegalArgumentException(key + " belongs to a numeric task: write \"sequence X X …\" first");
        }
        return setup.numbers();
    }

    private static List<Double> reals(String rest, String key) {
        List<Double> out = new ArrayList<>();
        for (String w : rest.split("[\\s,]+")) {
            if (!w.isEmpty()) {
                out.add(real(w, key));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(key + " needs at least one number");
        }
        return out;
    }

    /** {@code w_xh=0.5 w_hh=0.5 b=0 w_out=1 b_out=0} (a name left out is 0), or {@code seed}. */
    private static Numbers.Weights weights(String rest) {
        if (rest.equals("seed")) {
            return null;
        }
        List<String> names = List.of("w_xh", "w_hh", "b", "w_out", "b_out");
        double[] v = new double[names.size()];
        boolean[] set = new boolean[names.size()];
        for (String w : rest.split("\\s+")) {
            int eq = w.indexOf('=');
            int k = eq < 0 ? -1 : names.indexOf(w.substring(0, eq));
            if (k < 0) {
                throw new IllegalArgumentException("expected \"weights w_xh=X w_hh=X b=X w_out=X b_out=X\" (or \"weights seed\"),"
                        + " got \"" + w + "\"");
            }
            if (set[k]) {
                throw new IllegalArgumentException(names.get(k) + " is given twice");
            }
            set[k] = true;
            v[k] = real(w.substring(eq + 1), names.get(k));
        }
        return new Numbers.Weights(v[0], v[1], v[2], v[3], v[4]);
    }

    /**
     * {@code updates=200 optimizer=adam lr=0.01 clip=1 batch=1 num_steps=0 stateful=no} (each
     * optional, these the defaults), or {@code off} for the untrained model again.
     */
    private static org.unroll.task.Training training(String rest) {
        if (rest.equals("off")) {
            return null;
        }
        List<String> names = List.of("updates", "optimizer", "lr", "clip", "batch", "num_steps", "stateful", "show");
        String[] v = {"100", "adam", "0.01", "0", "1", "0", "no", "all"};
        boolean[] set = new boolean[names.size()];
        for (String w : rest.split("\\s+")) {
            int eq = w.indexOf('=');
            int k = eq < 0 ? -1 : names.indexOf(w.substring(0, eq));
            if (k < 0) {
                throw new IllegalArgumentException("expected \"train updates=N optimizer=sgd|momentum|adam lr=X clip=X batch=B"
                        + " num_steps=K stateful=yes|no show=all|window\" (each optional) or \"train off\", got \"" + w + "\"");
            }
            if (set[k]) {
                throw new IllegalArgumentException(names.get(k) + " is given twice");
            }
            set[k] = true;
            v[k] = w.substring(eq + 1);
        }
        if (!v[6].equals("yes") && !v[6].equals("no")) {
            throw new IllegalArgumentException("stateful must be yes or no, got \"" + v[6] + "\"");
        }
        if (!v[7].equals("all") && !v[7].equals("window")) {
            throw new IllegalArgumentException("show must be all (the whole sequence, trained) or window (the last update's"
                    + " window as the training met it), got \"" + v[7] + "\"");
        }
        return new org.unroll.task.Training(v[1], real(v[2], "lr"), real(v[3], "clip"), whole(v[0], "updates"),
                whole(v[4], "batch"), whole(v[5], "num_steps"), v[6].equals("yes"), v[7].equals("window"));
    }

    private static int whole(String word, String key) {
        try {
            return Integer.parseInt(word);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got \"" + word + "\"");
        }
    }

    private static long wholeLong(String word, String key) {
        try {
            return Long.parseLong(word);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got \"" + word + "\"");
        }
    }

    private static double real(String word, String key) {
        try {
            double v = Double.parseDouble(word);
            if (Double.isFinite(v) && word.matches("[-+0-9.eE]+")) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException(key + " must be a number, got \"" + word + "\"");
    }

    private static String text(String rest) {
        if (rest.codePointCount(0, rest.length()) < 2) {
            throw new IllegalArgumentException("the text needs at least two characters (an input and the next as its target), got \""
                    + rest + "\"");
        }
        return rest;
    }

    /** Closes the step being read: resolves it against the setup and checks its narration. */
    private void endStep() {
        open = null;
        if (step == null) {
            if (lessonSetup == null && id != null) {
                lessonSetup = setup;
            }
            return;
        }
        if (lessonSetup == null) {
            lessonSetup = setup;
        }
        PendingStep s = step;
        step = null;
        if (s.exercise) {
            endExercise(s);
            return;
        }
        int number = steps.size() + 1;
        boolean complete = true;
        for (Lang l : Lang.values()) {
            if (!s.text.containsKey(l)) {
                problem(s.line, "step " + number + " has no " + l.code() + ": narration");
                complete = false;
            }
        }
        if (setup.numbers() != null && setup.numbers().problem(setup) != null) {
            problem(s.line, "step " + number + ": " + setup.numbers().problem(setup));
            complete = false;
        }
        int stepsInText = setup.steps();
        if (cursor.step() >= stepsInText) {
            problem(cursorLine > s.line ? cursorLine : s.line, "the cursor goes to step " + (cursor.step() + 1)
                    + " but " + Placeholders.sequenceName(setup) + " has " + stepsInText + " step" + (stepsInText == 1 ? "" : "s"));
        }
        for (Check c : s.checks) {
            for (String p : Placeholders.check(c.comparison().source(), setup)) {
                problem(c.line(), p);
            }
        }
        Question question = question(s);
        Map<Lang, String> texts = new EnumMap<>(Lang.class);
        for (Map.Entry<Lang, StringBuilder> e : s.text.entrySet()) {
            String t = e.getValue().toString();
            texts.put(e.getKey(), t);
            if (t.isEmpty()) {
                problem(s.lines.get(e.getKey()), e.getKey().code() + ": narration is empty");
            }
            for (String p : Placeholders.check(t, setup)) {
                problem(s.lines.get(e.getKey()), p);
            }
        }
        if (shown == Shown.GATES && setup.cell() == org.unroll.engine.CellType.RNN) {
            if (s.hasShow) {
                problem(showLine, "\"show gates\" but a plain RNN has no gates (cell lstm or gru)");
            }
            // carried from a gated step to a plain RNN: nothing to bring forward any more
            shown = null;
        }
        if (complete) {
            steps.add(new Step(s.line, setup, cursor, new Localized(texts, s.lines), s.changes, s.checks, question, localText,
                    shown, s.reproductions, s.networks));
        }
    }

    private void endExercise(PendingStep s) {
        Map<Lang, String> texts = new EnumMap<>(Lang.class);
        for (Lang l : Lang.values()) {
            StringBuilder sb = s.text.get(l);
            if (sb == null || sb.isEmpty()) {
                problem(s.line, "exercise " + (exercises.size() + 1) + " has no " + l.code() + ": text");
                return;
            }
            if (sb.indexOf("{") >= 0 && !Placeholders.check(sb.toString(), setup).isEmpty()) {
                problem(s.lines.get(l), "an exercise has no walk to fill placeholders from (write {{ for a brace)");
            }
            texts.put(l, sb.toString());
        }
        exercises.add(new Localized(texts, s.lines));
    }

    /** The step's question from what was read, or null; reports what is missing. */
    private Question question(PendingStep s) {
        if (s.questionLine == 0) {
            if (!s.qText.isEmpty()) {
                int line = s.qLines.values().iterator().next().values().iterator().next();
                problem(line, "question texts without a \"question\" line in this step");
            }
            return null;
        }
        if (s.questionKind == null) {
            return null;
        }
        List<String> needed = s.questionKind == Question.Kind.CHOICE ? QUESTION_TEXTS : List.of("ask", "explain");
        if (s.questionKind == Question.Kind.NUMBER && s.qText.containsKey("options")) {
            problem(s.qLines.get("options").values().iterator().next(), "a number question has no options");
        }
        Map<String, Localized> texts = new LinkedHashMap<>();
        boolean ok = true;
        for (String kind : needed) {
            Map<Lang, StringBuilder> got = s.qText.getOrDefault(kind, Map.of());
            Map<Lang, String> t = new EnumMap<>(Lang.class);
            for (Lang l : Lang.values()) {
                StringBuilder sb = got.get(l);
                if (sb == null || sb.isEmpty()) {
                    problem(s.questionLine, "the question has no " + kind + "." + l.code() + ": line");
                    ok = false;
                    continue;
                }
                t.put(l, sb.toString());
                for (String p : Placeholders.check(sb.toString(), setup)) {
                    problem(s.qLines.get(kind).get(l), p);
                }
            }
            texts.put(kind, new Localized(t, s.qLines.getOrDefault(kind, Map.of())));
        }
        if (!ok) {
            return null;
        }
        if (s.questionKind == Question.Kind.CHOICE) {
            Localized options = texts.get("options");
            int count = Question.split(options.get(Lang.EN)).size();
            for (Lang l : Lang.values()) {
                List<String> o = Question.split(options.get(l));
                if (o.size() < 2 || o.contains("")) {
                    problem(options.line(l), "a choice needs at least two options, separated by \" | \"");
                    return null;
                }
                if (o.size() != count) {
                    problem(options.line(l), "options." + l.code() + ": has " + o.size() + " options, options.en: has " + count);
                    return null;
                }
            }
            if (s.choice > count) {
                problem(s.questionLine, "the right option is " + s.choice + " but there are " + count + " options");
                return null;
            }
        } else if (s.answer != null) {
            for (String p : Placeholders.check(s.answer.source(), setup)) {
                problem(s.questionLine, p);
            }
        }
        return new Question(s.questionLine, s.questionKind, s.answer, s.tolerance, s.choice,
                texts.get("ask"), texts.get("options"), texts.get("explain"));
    }

    private static void join(StringBuilder sb, String more) {
        if (sb.length() == 0) {
            sb.append(more);
            return;
        }
        int last = sb.codePointBefore(sb.length());
        int first = more.codePointAt(0);
        if (!(wide(last) || wide(first))) {
            sb.append(' ');
        }
        sb.append(more);
    }

    /** CJK characters and full-width punctuation: lines of Chinese join without a space. */
    private static boolean wide(int cp) {
        return cp >= 0x2E80 && !(cp >= 0xFF61 && cp <= 0xFFDC);
    }

    private static int indexOfSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String stripEnd(String s) {
        int end = s.length();
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }
}
