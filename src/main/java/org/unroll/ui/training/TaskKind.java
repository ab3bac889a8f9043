package org.unroll.ui.training;

/**
 * The tasks the training panel offers, with the options each one takes (the others stay
 * disabled in the panel, so a run never gets an option its task refuses).
 */
public enum TaskKind {
    JEEP("text", true, true, true, false, false),
    TEXT("text", true, true, true, false, false),
    REGRESS123("regress123", false, false, true, false, false),
    ADDING("adding", true, false, false, true, true),
    COPY("copy", true, false, false, true, true),
    SINE("sine", true, true, true, false, true);

    private final String cliName;
    private final boolean batch;
    private final boolean windows;
    private final boolean epochs;
    private final boolean iterations;
    private final boolean length;

    TaskKind(String cliName, boolean batch, boolean windows, boolean epochs, boolean iterations, boolean length) {
        this.cliName = cliName;
        this.batch = batch;
        this.windows = windows;
        this.epochs = epochs;
        this.iterations = iterations;
        this.length = length;
    }

    /** The name {@code unroll train --task} knows it by. */
    public String cliName() {
        return cliName;
    }

    /** Whether B can be chosen. */
    public boolean takesBatch() {
        return batch;
    }

    /** Whether num_steps and stateful can be chosen (the streams are cut into windows). */
    public boolean takesWindows() {
        return windows;
    }

    public boolean takesEpochs() {
        return epochs;
    }

    /** Whether the run is counted in iterations (fresh data every update) instead of epochs. */
    public boolean takesIterations() {
        return iterations;
    }

    /** Whether the sequence length (adding: T, copy: the delay, sine: steps per stream) can be chosen. */
    public boolean takesLength() {
        return length;
    }

    /** Whether the task's text is the user's (else jeep's, or none). */
    public boolean takesText() {
        return this == TEXT;
    }

    /** Whether it is a next-character task, so a sample can be generated. */
    public boolean isText() {
        return this == JEEP || this == TEXT;
    }

    /** Whether the loss is the MSE (regress123, adding, sine), so a test error is drawn. */
    public boolean isMse() {
        return this == REGRESS123 || this == ADDING || this == SINE;
    }

    /** The i18n key of its name. */
    public String key() {
        return "train.task." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
