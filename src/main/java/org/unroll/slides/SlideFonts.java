package org.unroll.slides;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The TrueType fonts a deck embeds (subsets only), found among the system's fonts: a Latin
 * face with the maths symbols, its bold, and a CJK face for Chinese. Each character is set in
 * the first face that has it. One per document: PDFBox fonts belong to their document.
 */
final class SlideFonts {
    /** Where fonts live on Linux, macOS and Windows; {@code UNROLL_FONTS} names one more. */
    private static final List<String> DIRS = List.of("/usr/share/fonts", "/usr/local/share/fonts",
            System.getProperty("user.home") + "/.fonts", System.getProperty("user.home") + "/.local/share/fonts",
            "/Library/Fonts", "/System/Library/Fonts", "C:\\Windows\\Fonts");
    private static final List<String> REGULAR = List.of("DejaVuSans.ttf", "LiberationSans-Regular.ttf",
            "NotoSans-Regular.ttf", "Arial.ttf", "arial.ttf");
    private static final List<String> BOLD = List.of("DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf",
            "NotoSans-Bold.ttf", "Arial Bold.ttf", "arialbd.ttf");
    /** TrueType (not CFF) faces with both Simplified and Traditional characters. */
    private static final List<String> CJK = List.of("DroidSansFallbackFull.ttf", "DroidSansFallback.ttf",
            "wqy-microhei.ttf", "NotoSansSC-Regular.ttf", "simhei.ttf", "msjh.ttf", "Arial Unicode.ttf");

    final PDType0Font regular;
    final PDType0Font bold;
    final PDType0Font cjk;
    private final Map<Long, Boolean> has = new HashMap<>();

    private SlideFonts(PDType0Font regular, PDType0Font bold, PDType0Font cjk) {
        this.regular = regular;
        this.bold = bold;
        this.cjk = cjk;
    }

    /** Loads the fonts into {@code doc}; IOException with one line when no usable Latin face is found. */
    static SlideFonts load(PDDocument doc) throws IOException {
        Map<String, Path> found = scan();
        Path r = first(found, REGULAR);
        if (r == null) {
            throw new IOException("no TrueType font found for the slides (install fonts-dejavu-core, or name a folder"
                    + " of .ttf files in UNROLL_FONTS)");
        }
        Path b = first(found, BOLD);
        Path c = first(found, CJK);
        PDType0Font regular = PDType0Font.load(doc, r.toFile());
        PDType0Font bold = b == null ? regular : PDType0Font.load(doc, b.toFile());
        PDType0Font cjk = c == null ? null : PDType0Font.load(doc, c.toFile());
        return new SlideFonts(regular, bold, cjk);
    }

    private static Path first(Map<String, Path> found, List<String> names) {
        for (String n : names) {
            Path p = found.get(n);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private static Map<String, Path> scan() {
        List<String> dirs = new ArrayList<>();
        String extra = System.getenv("UNROLL_FONTS");
        if (extra != null && !extra.isBlank()) {
            dirs.add(extra);
        }
        dirs.addAll(DIRS);
        Map<String, Path> found = new HashMap<>();
        for (String d : dirs) {
            Path dir = Path.of(d);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (var files = Files.walk(dir, 4)) {
                files.filter(Files::isRegularFile).forEach(p -> found.putIfAbsent(p.getFileName().toString(), p));
            } catch (IOException | RuntimeException e) {
                // an unreadable folder: look elsewhere
            }
        }
        return found;
    }

    /** The face to set code point {@code cp} in: the Latin one when it has it, else the CJK one, else null. */
    PDType0Font faceFor(int cp, boolean strong) {
        PDType0Font latin = strong ? bold : regular;
        if (covers(latin, cp)) {
            return latin;
        }
        if (cjk != null && covers(cjk, cp)) {
            return cjk;
        }
        return covers(regular, cp) ? regular : null;
    }

    private boolean covers(PDType0Font f, int cp) {
        long key = ((long) System.identityHashCode(f) << 32) | cp;
        return has.computeIfAbsent(key, k -> {
            try {
                f.encode(new String(Character.toChars(cp)));
                return true;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        });
    }
}
