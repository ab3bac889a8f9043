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

    static String lessonOf(Lang lang, int k, int n) {
        return switch (lang) {
            case EN -> "Lesson " + k + "/" + n;
            case ZH_CN -> "第 " + k + "/" + n + " 课";
            case ZH_TW -> "第 " + k + "/" + n + " 課";
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

    static String modelChanged(Lang lang) {
        return pick(lang,
                "The model on screen is no longer this lesson step's: it was changed in the Model tab or opened"
                        + " from a file. Press \"Back to the lesson\" to return to it.",
                "屏幕上的模型已经不是这一课这一步所用的了：它在“模型”页里被改动过，或是从文件打开的。"
                        + "按“回到课程”即可恢复。",
                "畫面上的模型已經不是這一課這一步所用的了：它在「模型」頁裡被改動過，或是從檔案開啟的。"
                        + "按「回到課程」即可恢復。");
    }

    /** A step's training under way: updates done of all, and the last update's loss. */
    static String training(Lang lang, int done, int total, String loss) {
        return switch (lang) {
            case EN -> "Training: update " + done + " of " + total + ", loss " + loss;
            case ZH_CN -> "正在训练：第 " + done + " 次更新，共 " + total + " 次，损失 " + loss;
            case ZH_TW -> "正在訓練：第 " + done + " 次更新，共 " + total + " 次，損失 " + loss;
        };
    }

    static String backToLesson(Lang lang) {
        return pick(lang, "Back to the lesson", "回到课程", "回到課程");
    }

    static String answerFirst(Lang lang) {
        return pick(lang, "Answer the question above (or press Show answer) to see this step.",
                "先回答上面的问题（或按“看答案”），再看这一步。", "先回答上面的問題（或按「看答案」），再看這一步。");
    }

    static String exercises(Lang lang) {
        return pick(lang, "Exercises", "练习", "練習");
    }

    static String check(Lang lang) {
        return pick(lang, "Check", "核对", "核對");
    }

    static String showAnswer(Lang lang) {
        return pick(lang, "Show answer", "看答案", "看答案");
    }

    static String typeANumber(Lang lang) {
        return pick(lang, "Your answer (a number)", "你的答案（一个数）", "你的答案（一個數）");
    }

    static String right(Lang lang, String answer) {
        return pick(lang, "Right: " + answer + ".", "答对了：" + answer + "。", "答對了：" + answer + "。");
    }

    static String notQuite(Lang lang, String answer) {
        return pick(lang, "Not quite: the answer is " + answer + ".", "不对，答案是 " + answer + "。",
                "不對，答案是 " + answer + "。");
    }

    static String theAnswer(Lang lang, String answer) {
        return pick(lang, "The answer: " + answer + ".", "答案：" + answer + "。", "答案：" + answer + "。");
    }

    static String exportSlides(Lang lang) {
        return pick(lang, "Export lesson as slides…", "把课程导出为幻灯片…", "把課程匯出為投影片…");
    }

    static String slideFiles(Lang lang) {
        return pick(lang, "PDF slides (*.pdf)", "PDF 幻灯片 (*.pdf)", "PDF 投影片 (*.pdf)");
    }

    static String exporting(Lang lang, int page, int total) {
        if (total == 0) {
            return pick(lang, "Preparing the slides…", "正在准备幻灯片…", "正在準備投影片…");
        }
        return pick(lang, "Slides: page " + page + " of " + total + "…", "幻灯片：第 " + page + " 页，共 " + total + " 页…",
                "投影片：第 " + page + " 頁，共 " + total + " 頁…");
    }

    static String exported(Lang lang, String name, int total) {
        return pick(lang, "Saved " + name + " (" + total + " pages)", "已保存 " + name + "（" + total + " 页）",
                "已儲存 " + name + "（" + total + " 頁）");
    }

    static String exportFailed(Lang lang, String reason) {
        return pick(lang, "Cannot export the slides: " + reason, "无法导出幻灯片：" + reason, "無法匯出投影片：" + reason);
    }

    static String exportBusy(Lang lang) {
        return pick(lang, "Slides are already being exported", "正在导出幻灯片，请稍候", "正在匯出投影片，請稍候");
    }

    private static String pick(Lang lang, String en, String zhCn, String zhTw) {
        return switch (lang) {
            case EN -> en;
            case ZH_CN -> zhCn;
            case ZH_TW -> zhTw;
        };
    }
}
