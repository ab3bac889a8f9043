package org.unroll.ui.lesson;

import org.unroll.lesson.Lang;

/** The few words of the lesson panel itself, in the three languages. */
final class LessonTexts {
    private LessonTexts() {
    }

    static String stepOf(Lang lang, int k, int n) {
        return switch (lang) {
            case EN -> "Step " + k + " of " + n;
            case ZH_CN -> "第 " + k + " 步，共 " + n + " 步";
            case ZH_TW -> "第 " + k + " 步，共 " + n + " 步";
        };
    }

    static String previous(Lang lang) {
        return pick(lang, "Previous", "上一步", "上一步");
    }

    static String next(Lang lang) {
        return pick(lang, "Next", "下一步", "下一步");
    }

    static String open(Lang lang) {
        return pick(lang, "Open lesson file…", "打开课程文件…", "開啟課程檔案…");
    }

    static String openFailed(Lang lang) {
        return pick(lang, "Cannot open the lesson", "无法打开课程", "無法開啟課程");
    }

    static String lessonFiles(Lang lang) {
        return pick(lang, "Lessons (*.lesson)", "课程 (*.lesson)", "課程 (*.lesson)");
    }

    private static String pick(Lang lang, String en, String zhCn, String zhTw) {
        return switch (lang) {
            case EN -> en;
            case ZH_CN -> zhCn;
            case ZH_TW -> zhTw;
        };
    }
}
