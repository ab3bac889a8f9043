package org.unroll.io;

/**
 * A file that cannot be used, with the one line a person needs: which file, which field,
 * and what is wrong with it. Never carries a stack trace to the user.
 */
public final class FormatException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final String field;
    private final String reason;

    public FormatException(String file, String field, String reason) {
        super(file + (field == null || field.isEmpty() ? "" : ": field '" + field + "'") + ": " + reason);
        this.file = file;
        this.field = field;
        this.reason = reason;
    }

    /** The file's name as the user gave it. */
    public String file() {
        return file;
    }

    /** The JSON path of the offending field, e.g. {@code params.weight_hh}, or empty. */
    public String field() {
        return field;
    }

    /** What is wrong, without the file and field. */
    public String reason() {
        return reason;
    }
}
