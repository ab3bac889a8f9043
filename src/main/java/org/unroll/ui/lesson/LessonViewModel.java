package org.unroll.ui.lesson;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.unroll.engine.Cursor;
import org.unroll.engine.Walkthrough;
import org.unroll.lesson.Lang;
import org.unroll.lesson.Lesson;
import org.unroll.lesson.LessonFormatException;
import org.unroll.lesson.LessonParser;
import org.unroll.lesson.LessonPlayer;
import org.unroll.lesson.Question;
import org.unroll.lesson.Step;
import org.unroll.task.Setup;
import org.unroll.ui.session.Session;

/**
 * The state of the lesson panel: the lessons to choose from, the current lesson and step,
 * and the text to show. Going to a step applies its setup to the session (recomputed in the
 * background when it changed) and then moves the session's cursor to the step's point.
 * Plain-JUnit testable: with a session on {@code Runnable::run}.
 */
public final class LessonViewModel {
    private final Session session;
    private final ObservableList<Lesson> lessons = FXCollections.observableArrayList();
    /** Lessons still to come (see {@link #expectLessons}). */
    private final javafx.beans.property.IntegerProperty expected = new javafx.beans.property.SimpleIntegerProperty();
    private final ReadOnlyIntegerWrapper lessonCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>(this, "lesson");
    private final ReadOnlyIntegerWrapper stepIndex = new ReadOnlyIntegerWrapper(this, "stepIndex", 0);
    private final ReadOnlyIntegerWrapper stepCount = new ReadOnlyIntegerWrapper(this, "stepCount", 0);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper narration = new ReadOnlyStringWrapper(this, "narration", "");
    private final ReadOnlyStringWrapper stepLabel = new ReadOnlyStringWrapper(this, "stepLabel", "");
    private final ReadOnlyBooleanWrapper canNext = new ReadOnlyBooleanWrapper(this, "canNext", false);
    private final ReadOnlyBooleanWrapper canPrevious = new ReadOnlyBooleanWrapper(this, "canPrevious", false);
    private final ReadOnlyBooleanWrapper drifted = new ReadOnlyBooleanWrapper(this, "drifted", false);
    private final ObjectProperty<Lang> language = new SimpleObjectProperty<>(this, "language", windowLanguage());
    private final ReadOnlyStringWrapper question = new ReadOnlyStringWrapper(this, "question", "");
    private final ObservableList<String> options = FXCollections.observableArrayList();
    /** One read-only view, kept: the view listens to it (a wrapper made per call would be collected with its listeners). */
    private final ObservableList<String> optionsView = FXCollections.unmodifiableObservableList(options);
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper(this, "verdict", "");
    private final ReadOnlyBooleanWrapper awaitingAnswer = new ReadOnlyBooleanWrapper(this, "awaitingAnswer", false);
    private final ReadOnlyStringWrapper training = new ReadOnlyStringWrapper(this, "training", "");
    private final javafx.beans.property.ReadOnlyDoubleWrapper trainingDone =
            new javafx.beans.property.ReadOnlyDoubleWrapper(this, "trainingDone", -1);
    private LessonPlayer player;
    /** The step whose setup is being computed, whose cursor is still to be applied. */
    private Step pending;
    /** The setup the session is computing for this panel, while it does (a newer step of the same setup waits for it). */
    private Setup computing;
    /** The student's answer to each step's question in this lesson: an option (Integer, from 1) or a number (Double). */
    private final java.util.Map<Integer, Object> answers = new java.util.HashMap<>();

    /**
     * @param session the window's session
     */
    public LessonViewModel(Session session) {
        this.session = Objects.requireNonNull(session);
        lessonCount.bind(javafx.beans.binding.Bindings.createIntegerBinding(
                () -> Math.max(lessons.size(), expected.get()), lessons, expected));
        session.walkthroughProperty().addListener((o, was, now) -> refreshText());
        // the narration's flow numbers (σ_max, Jacobian norms) arrive with the diagnostics
        session.diagnosticsProperty().addListener((o, was, now) -> refreshText());
        session.trainingProperty().addListener((o, was, now) -> refreshTraining());
        // a grid step quotes the grid walk's values, of the sequence shown
        session.gridWalkProperty().addListener((o, was, now) -> refreshText());
        session.gridSequenceProperty().addListener((o, was, now) -> refreshText());
        language.addListener((o, was, now) -> {
            if (player != null && !player.setup(was).equals(player.setup(now))) {
                showStep(); // this language reads its own script of the text
            } else {
                refreshText();
            }
            refreshTraining();
        });
    }

    /** Replaces the lessons to choose from; opens the first when none is open. */
    public void setLessons(List<Lesson> all) {
        lessons.setAll(all);
        if (lesson.get() == null && !all.isEmpty()) {
            choose(all.get(0));
        }
    }

    /**
     * The whole list of built-in lessons, read after the window opened on the first of them: the list
     * becomes {@code all}, the open lesson keeps its place (it stays the same lesson, at the same step),
     * and lessons opened from files meanwhile stay, after them.
     */
    public void completeLessons(List<Lesson> all) {
        expected.set(0);
        Lesson open = lesson.get();
        List<Lesson> merged = new ArrayList<>(all.size() + 1);
        for (Lesson l : all) {
            merged.add(open != null && sameFile(l, open) ? open : l);
        }
        for (Lesson l : lessons) {
            if (merged.stream().noneMatch(m -> sameFile(m, l))) {
                merged.add(l);
            }
        }
        lessons.setAll(merged);
        if (open == null && !merged.isEmpty()) {
            choose(merged.get(0));
        }
    }

    /**
     * How many lessons the list will hold once {@link #completeLessons} has it whole (0 when it is
     * whole): the chooser counts them from the first frame on.
     */
    public void expectLessons(int count) {
        expected.set(count);
    }

    /** The number of lessons to choose from, counting those still to come. */
    public ReadOnlyIntegerProperty lessonCountProperty() {
        return lessonCount.getReadOnlyProperty();
    }

    /** Whether two lessons were read from the same file (a lesson reread is equal, not identical). */
    private static boolean sameFile(Lesson a, Lesson b) {
        return a.id().equals(b.id()) && a.source().equals(b.source());
    }

    /** Opens a lesson at its first step. */
    public void choose(Lesson l) {
        if (l == null) {
            return;
        }
        player = new LessonPlayer(l);
        answers.clear();
        lesson.set(l);
        stepCount.set(l.size());
        showStep();
    }

    /**
     * Reads a lesson file, adds it to the list and opens it.
     *
     * @return null when it worked, else the one-line reason (file:line: reason)
     */
    public String open(Path file) {
        Lesson l;
        try {
            l = LessonParser.parse(file);
        } catch (LessonFormatException e) {
            return e.firstLine();
        } catch (IOException e) {
            return file + ": cannot read the file: " + e.getMessage();
        }
        lessons.removeIf(x -> sameFile(x, l));
        lessons.add(l);
        choose(l);
        return null;
    }

    /** To the next step; nothing while the current step's question waits for its answer. */
    public void next() {
        if (player != null && !waiting() && player.next()) {
            showStep();
        }
    }

    public void previous() {
        if (player != null && player.previous()) {
            showStep();
        }
    }

    /** Applies the current step again (after the user changed the model by hand, say). */
    public void replay() {
        if (player != null) {
            showStep();
        }
    }

    /**
     * Answers the current step's choice question with option k (from 1): the step then shows
     * itself with the verdict and the explanation.
     */
    public void answerOption(int k) {
        Question q = player == null ? null : player.question();
        if (q != null && q.kind() == Question.Kind.CHOICE && k >= 1 && k <= q.options(Lang.EN).size()) {
            answered(k);
        }
    }

    /**
     * Answers the current step's number question with what the student typed.
     *
     * @return false (and nothing changes) when the text is not a number
     */
    public boolean answerNumber(String typed) {
        Question q = player == null ? null : player.question();
        Double v = Question.typed(typed == null ? "" : typed);
        if (q == null || q.kind() != Question.Kind.NUMBER || v == null) {
            return false;
        }
        answered(v);
        return true;
    }

    /**
     * Answers the current step's question as a script writes it: {@code reveal} shows the answer
     * without a guess, else an option number (choice) or a number (number question). What a
     * screenshot of a later step passes its questions with.
     *
     * @return false (and nothing changes) when there is no question or the text does not fit it
     */
    public boolean answer(String scripted) {
        Question q = player == null ? null : player.question();
        if (q == null || scripted == null) {
            return false;
        }
        String a = scripted.trim();
        if (a.equals("reveal")) {
            reveal();
            return true;
        }
        if (q.kind() == Question.Kind.NUMBER) {
            return answerNumber(a);
        }
        try {
            int k = Integer.parseInt(a);
            if (k < 1 || k > q.options(Lang.EN).size()) {
                return false;
            }
            answerOption(k);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Shows the current step's answer without a guess. */
    public void reveal() {
        if (player != null && player.question() != null) {
            answered(Boolean.FALSE);
        }
    }

    private void answered(Object a) {
        answers.put(player.index(), a);
        showStep();
    }

    private Lang lang() {
        return language.get();
    }

    private boolean waiting() {
        return player.question() != null && !answers.containsKey(player.index());
    }

    /**
     * Where the cursor stands: the step's own point, or, while its question waits for an
     * answer, the previous step's point when it shows the same setup (else the start), so the
     * screen does not give the answer away.
     */
    private Cursor target(Step step) {
        if (!waiting()) {
            return step.cursor();
        }
        int k = player.index();
        if (k > 0 && player.lesson().step(k - 1).setup(lang()).equals(step.setup(lang()))) {
            return player.lesson().step(k - 1).cursor();
        }
        return Cursor.START;
    }

    private void showStep() {
        Step step = player.step();
        shown.set(step.shown());
        if (step.shown() != null) {
            onShown.accept(step.shown());
        }
        awaitingAnswer.set(waiting());
        Cursor cursor = target(step);
        stepIndex.set(player.index());
        // a question waiting for its answer holds the lesson there: answer it, or ask for the answer
        canNext.set(player.hasNext() && !waiting());
        canPrevious.set(player.hasPrevious());
        Setup setup = step.setup(lang());
        if (computing == null && setup.equals(session.getSetup())
                && (session.getWalkthrough() != null || session.getGridWalk() != null)) {
            pending = null;
            session.moveTo(cursor);
        } else if (setup.equals(computing)) {
            // the same setup is already being computed (a training under way, say): let it finish
            // and go to this step's point then, rather than start it again
            pending = step;
        } else {
            pending = step;
            computing = setup;
            // the session publishes the walk and moves to the step's cursor itself, then completes;
            // a newer setup (the user's, or the next lesson step's, or another lesson's) cancels this
            // request, and with it a training under way
            session.apply(setup, cursor).whenComplete((w, e) -> {
                if (computing == setup) {
                    computing = null;
                }
                Step now = pending;
                if (now != null && now.setup(lang()).equals(setup)) {
                    pending = null;
                    if (e == null && now != step) {
                        // the student moved on to a later step of the same setup while it was computed
                        session.moveTo(target(now));
                    }
                }
                refreshText();
            });
        }
        refreshText();
    }

    /** The training's progress in words and as a fraction, while the session trains this lesson's setup. */
    private void refreshTraining() {
        org.unroll.task.Training.Progress p = session.trainingProperty().get();
        if (p == null) {
            training.set("");
            trainingDone.set(-1);
            return;
        }
        training.set(LessonTexts.training(language.get(), p.done(), p.total(), org.unroll.i18n.Notation.number(p.loss())));
        trainingDone.set(p.fraction());
    }

    /** While a step's training runs: "Training: update 40 of 200, loss 12.31"; empty otherwise. */
    public ReadOnlyStringProperty trainingProperty() {
        return training.getReadOnlyProperty();
    }

    /** While a step's training runs, the part done (0 … 1); −1 otherwise. */
    public javafx.beans.property.ReadOnlyDoubleProperty trainingDoneProperty() {
        return trainingDone.getReadOnlyProperty();
    }

    private void refreshText() {
        if (player == null) {
            title.set("");
            narration.set("");
            stepLabel.set("");
            question.set("");
            options.clear();
            verdict.set("");
            return;
        }
        Lang lang = language.get();
        title.set(player.title(lang));
        stepLabel.set(LessonTexts.stepOf(lang, player.index() + 1, player.size()));
        org.unroll.engine.GridWalk grid = session.getGridWalk();
        if (grid != null) {
            refreshGridText(lang, grid);
            return;
        }
        Walkthrough w = session.getWalkthrough();
        boolean same = w != null && player.setup(lang).equals(session.getSetup());
        // the numbers are filled once the walk's diagnostics are computed, never computed here on the UI thread
        boolean ready = same && session.diagnosticsProperty().get() == w;
        // the user changed the model away from the lesson's: its numbers and words no longer apply
        boolean away = w != null && pending == null && !same;
        drifted.set(away);
        narration.set(away ? LessonTexts.modelChanged(lang)
                : waiting() ? LessonTexts.answerFirst(lang) : player.narration(lang, ready ? w : null) + exercises(lang));
        refreshQuestion(lang, ready ? w : null);
    }

    /**
     * The texts over a grid walk (a step with layers, both directions or a batch): its placeholders
     * read the grid, for the sequence shown; the walk is complete when published, so nothing waits.
     */
    private void refreshGridText(Lang lang, org.unroll.engine.GridWalk grid) {
        boolean same = player.setup(lang).equals(session.getSetup());
        boolean away = pending == null && !same;
        drifted.set(away);
        org.unroll.task.GridScenario sc = session.getGridScenario();
        int b = session.gridSequenceProperty().get();
        java.util.function.UnaryOperator<String> filled = same
                ? t -> player.fill(t, grid, sc, b) : org.unroll.lesson.Placeholders::blank;
        narration.set(away ? LessonTexts.modelChanged(lang)
                : waiting() ? LessonTexts.answerFirst(lang)
                : (same ? player.narration(lang, grid, sc, b) : filled.apply(player.step().narration().get(lang)))
                + exercises(lang));
        Question q = player.question();
        Object a = showQuestion(lang, q, filled);
        if (a == null) {
            return;
        }
        // a grid step asks choice questions (a number question's answer reads a one-layer walk)
        boolean choice = !q.options(lang).isEmpty();
        String right = choice ? options.get(q.choice() - 1)
                : org.unroll.lesson.Placeholders.num(q.answerOn(body -> org.unroll.lesson.GridPlaceholders.number(body, grid, sc, b)));
        boolean correct = same && (a instanceof Integer k ? q.acceptsOption(k)
                : a instanceof Double d && Math.abs(d - q.answerOn(body -> org.unroll.lesson.GridPlaceholders.number(body, grid, sc, b)))
                <= q.tolerance() + 1e-12);
        showVerdict(lang, a, correct, right, filled.apply(q.explain().get(lang)));
    }

    /**
     * Shows {@code q} (none: the question, its options and the verdict go empty) with its texts filled
     * in by {@code fill}, and returns the student's answer to it, or null when there is none yet.
     */
    private Object showQuestion(Lang lang, Question q, java.util.function.UnaryOperator<String> fill) {
        if (q == null) {
            question.set("");
            options.clear();
            verdict.set("");
            return null;
        }
        question.set(fill.apply(q.ask().get(lang)));
        List<String> filled = q.options(lang).stream().map(fill).toList();
        if (!filled.equals(options)) {
            options.setAll(filled);
        }
        Object a = answers.get(player.index());
        if (a == null) {
            verdict.set("");
        }
        return a;
    }

    /** The verdict on answer {@code a}: right or not quite (or, when it was revealed, the answer), then why. */
    private void showVerdict(Lang lang, Object a, boolean correct, String right, String explain) {
        String head = a instanceof Boolean ? LessonTexts.theAnswer(lang, right)
                : correct ? LessonTexts.right(lang, right) : LessonTexts.notQuite(lang, right);
        verdict.set(head + (lang == Lang.EN ? " " : "") + explain);
    }

    /** At the last step, the lesson's exercises after the narration; else nothing. */
    private String exercises(Lang lang) {
        List<org.unroll.lesson.Localized> ex = player.lesson().exercises();
        if (player.hasNext() || ex.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("\n\n").append(LessonTexts.exercises(lang));
        for (int i = 0; i < ex.size(); i++) {
            sb.append("\n").append(i + 1).append(". ").append(ex.get(i).get(lang));
        }
        return sb.toString();
    }

    private void refreshQuestion(Lang lang, Walkthrough w) {
        Question q = player.question();
        Object a = showQuestion(lang, q, t -> player.fill(t, w));
        if (a == null) {
            return;
        }
        String right = w == null ? "…" : q.rightAnswer(lang, w);
        String explain = player.fill(q.explain().get(lang), w);
        boolean correct = w != null && (a instanceof Integer k ? q.acceptsOption(k)
                : a instanceof Double d && q.acceptsNumber(d, w));
        showVerdict(lang, a, correct, right, explain);
    }

    /** The current step's question, filled in; empty when it has none. */
    public ReadOnlyStringProperty questionProperty() {
        return question.getReadOnlyProperty();
    }

    /** The options of a choice question, filled in; empty for a number question or none. */
    public ObservableList<String> options() {
        return optionsView;
    }

    /** After an answer: right or not, the right answer and the explanation; empty before. */
    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** True while the current step's question waits for an answer (the step is held back). */
    public ReadOnlyBooleanProperty awaitingAnswerProperty() {
        return awaitingAnswer.getReadOnlyProperty();
    }

    /** True when the model on screen is no longer the current lesson step's (changed by hand or opened from files). */
    private final javafx.beans.property.ReadOnlyObjectWrapper<org.unroll.lesson.Shown> shown =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "shown");
    private java.util.function.Consumer<org.unroll.lesson.Shown> onShown = s -> { };

    /** The chart or pane the current step talks about ({@code show} in the lesson), or null when it names none. */
    public ReadOnlyObjectProperty<org.unroll.lesson.Shown> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Tells the {@link #setOnShown} action again what the current step names, if anything. */
    public void replayShown() {
        if (shown.get() != null) {
            onShown.accept(shown.get());
        }
    }

    /** Called each time a step that names a chart or pane is shown, even when it names the same one again. */
    public void setOnShown(java.util.function.Consumer<org.unroll.lesson.Shown> action) {
        onShown = action == null ? s -> { } : action;
    }

    public ReadOnlyBooleanProperty driftedProperty() {
        return drifted.getReadOnlyProperty();
    }

    public ObservableList<Lesson> lessons() {
        return lessons;
    }

    public ReadOnlyObjectProperty<Lesson> lessonProperty() {
        return lesson.getReadOnlyProperty();
    }

    /** 0-based. */
    public ReadOnlyIntegerProperty stepIndexProperty() {
        return stepIndex.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty stepCountProperty() {
        return stepCount.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty narrationProperty() {
        return narration.getReadOnlyProperty();
    }

    /** "Step k of n" in the chosen language. */
    public ReadOnlyStringProperty stepLabelProperty() {
        return stepLabel.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canNextProperty() {
        return canNext.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canPreviousProperty() {
        return canPrevious.getReadOnlyProperty();
    }

    /** The language of titles and narration; starts from {@code unroll.lang}. */
    public ObjectProperty<Lang> languageProperty() {
        return language;
    }

    /** The language the rest of the window speaks (I18n's choice: unroll.lang, else the system's). */
    static Lang windowLanguage() {
        java.util.Locale l = org.unroll.ui.I18n.locale();
        if (l.equals(org.unroll.ui.I18n.TRADITIONAL_CHINESE)) {
            return Lang.ZH_TW;
        }
        return l.equals(org.unroll.ui.I18n.SIMPLIFIED_CHINESE) ? Lang.ZH_CN : Lang.EN;
    }
}
