package org.unroll.ui.compare;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.fx.FXGraphics2D;
import org.unroll.charts.ChartExport;
import org.unroll.charts.EngineCharts;
import org.unroll.charts.Figure;
import org.unroll.charts.GradientFlow;
import org.unroll.charts.StepNormChart;
import org.unroll.charts.VanishingChart;
import org.unroll.engine.CellType;
import org.unroll.engine.Cursor;
import org.unroll.engine.Walkthrough;
import org.unroll.figures.TimelineFigure;
import org.unroll.figures.TimelineLayout;
import org.unroll.task.Setup;
import org.unroll.ui.I18n;
import org.unroll.ui.session.Session;

/**
 * Compare mode on screen: the timelines of two or three cells stacked (one
 * {@link TimelineFigure} each, scrolled together to the shared cursor) above the overlaid
 * gradient-norm and vanishing/exploding charts, so one slide shows a plain RNN's gradient
 * dying while an LSTM's survives. Keys: ← → step, Home/End jump.
 */
public final class CompareView extends BorderPane {

    private final CompareSession compare;
    private final StepNormChart stepNorms = new StepNormChart();
    private final VanishingChart vanishing = new VanishingChart();
    private final VBox timelines = new VBox(2);
    private final List<Canvas> canvases = new ArrayList<>();
    private final Label position = new Label();
    /** Where the shared cursor is, as the main window's title says it (the first cell's walk). */
    private final Label stageTitle = new Label();
    private final Button close = new Button(I18n.get("compare.close"));
    private final TextField text = new TextField();
    private final TextField seed = new TextField();
    private final TextField hidden = new TextField();
    private final CheckBox rnn = new CheckBox("RNN");
    private final CheckBox lstm = new CheckBox("LSTM");
    private final CheckBox gru = new CheckBox("GRU");
    private final Label problem = new Label();
    private final double timelineScale = 0.42;

    public CompareView(CompareSession compare) {
        this.compare = compare;
        compare.setErrorHandler(problem::setText);
        getStyleClass().add("unroll-compare");
        stepNorms.setLogScale(true);

        Button back = new Button("◀");
        Button fwd = new Button("▶");
        Button start = new Button("|◀");
        Button end = new Button("▶|");
        back.setOnAction(e -> compare.stepBack());
        fwd.setOnAction(e -> compare.stepForward());
        start.setOnAction(e -> compare.jumpStart());
        end.setOnAction(e -> compare.jumpEnd());
        Button apply = new Button(I18n.get("compare.apply"));
        apply.setDefaultButton(true);
        apply.setOnAction(e -> applyFields());
        Button png = new Button(I18n.get("compare.exportCharts"));
        Button svg = new Button(I18n.get("compare.exportSvg"));
        png.setOnAction(e -> exportWithChooser(false));
        svg.setOnAction(e -> exportWithChooser(true));
        text.setPrefColumnCount(24);
        seed.setPrefColumnCount(4);
        hidden.setPrefColumnCount(3);
        problem.setStyle("-fx-text-fill: #B2182B;");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(8, start, back, fwd, end, position, grow, png, svg, close);
        close.setTooltip(new javafx.scene.control.Tooltip(I18n.get("compare.close.tooltip")));
        close.setMinWidth(Region.USE_PREF_SIZE);
        stageTitle.getStyleClass().add("point-title");
        stageTitle.setWrapText(true);
        stageTitle.setMinHeight(Region.USE_PREF_SIZE);
        stageTitle.setStyle("-fx-font-size: 1.3em; -fx-font-weight: bold; -fx-text-fill: #0b3d75;");
        stageTitle.setPadding(new Insets(2, 8, 2, 8));
        HBox settings = new HBox(8, new Label(I18n.get("compare.cells")), rnn, lstm, gru,
                new Label(I18n.get("compare.text")), text, new Label(I18n.get("compare.seed")), seed,
                new Label(I18n.get("compare.hidden")), hidden, apply, problem);
        for (HBox b : List.of(bar, settings)) {
            b.setAlignment(Pos.CENTER_LEFT);
            b.setPadding(new Insets(3, 8, 3, 8));
        }
        position.setMinWidth(Region.USE_PREF_SIZE);
        setTop(new VBox(bar, stageTitle, settings));

        ChartViewer normsViewer = new ChartViewer(stepNorms.chart());
        ChartViewer vanishingViewer = new ChartViewer(vanishing.chart());
        HBox charts = new HBox(normsViewer, vanishingViewer);
        HBox.setHgrow(normsViewer, Priority.ALWAYS);
        HBox.setHgrow(vanishingViewer, Priority.ALWAYS);
        // the vanishing plot is the point of the comparison: it gets the wider half
        normsViewer.setPrefWidth(9);
        vanishingViewer.setPrefWidth(11);
        SplitPane split = new SplitPane(timelines, charts);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.42);
        setCenter(split);
        timelines.widthProperty().addListener((o, a, b) -> paintTimelines());
        timelines.heightProperty().addListener((o, a, b) -> paintTimelines());

        compare.revisionProperty().addListener((o, a, b) -> refresh());
        compare.cursorProperty().addListener((o, a, c) -> showCursor(c));
        compare.sessionsProperty().addListener((o, a, b) -> rebuildTimelines());
        setOnKeyPressed(e -> {
            if (e.getTarget() instanceof TextField) {
                return;
            }
            KeyCode k = e.getCode();
            if (k == KeyCode.RIGHT) {
                compare.stepForward();
            } else if (k == KeyCode.LEFT) {
                compare.stepBack();
            } else if (k == KeyCode.HOME) {
                compare.jumpStart();
            } else if (k == KeyCode.END) {
                compare.jumpEnd();
            } else if (k == KeyCode.ESCAPE || k == KeyCode.M && e.isShortcutDown()) {
                // the way back to the main window, as it came: Esc or Ctrl+M again
                close.fire();
            } else {
                return;
            }
            e.consume();
        });
        rebuildTimelines();
        refresh();
    }

    /**
     * Opens the default comparison (RNN, LSTM, GRU on a T = 40 sentence) in its own window.
     *
     * @param owner the main window, or null
     * @return the window
     */
    public static Stage open(Window owner) {
        return open(owner, null);
    }

    /**
     * As {@link #open(Window)}, with the window's scene handed to {@code sceneSetup} before it shows
     * (the main window binds its zoom there; null: nothing).
     *
     * @param owner      the main window, or null
     * @param sceneSetup what to do with the new scene, or null
     * @return the window
     */
    public static Stage open(Window owner, java.util.function.Consumer<Scene> sceneSetup) {
        ExecutorService background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "unroll-compare");
            t.setDaemon(true);
            return t;
        });
        CompareSession session = new CompareSession(background, Platform::runLater);
        CompareView view = new CompareView(session);
        session.applyDefault();
        Stage stage = new Stage();
        view.close.setOnAction(e -> stage.close());
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(I18n.get("compare.title"));
        Scene scene = new Scene(view, 1280, 720);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        if (sceneSetup != null) {
            // e.g. the main window's zoom and presenter mode: Ctrl +/− and large type here too
            sceneSetup.accept(scene);
        }
        stage.setScene(scene);
        stage.setOnHidden(e -> background.shutdownNow());
        stage.show();
        view.requestFocus();
        return stage;
    }

    private void applyFields() {
        List<CellType> cells = new ArrayList<>();
        if (rnn.isSelected()) {
            cells.add(CellType.RNN);
        }
        if (lstm.isSelected()) {
            cells.add(CellType.LSTM);
        }
        if (gru.isSelected()) {
            cells.add(CellType.GRU);
        }
        if (cells.size() < 2) {
            problem.setText(I18n.get("compare.needTwo"));
            return;
        }
        try {
            Setup base = compare.setup() == null ? CompareSession.defaultSetup() : compare.setup();
            Setup s = base.withText(text.getText()).withSeed(Long.parseLong(seed.getText().trim()))
                    .withHiddenSize(Integer.parseInt(hidden.getText().trim()));
            // the model panel's rules (H ≤ 64, text length, learning rate)
            String wrong = org.unroll.ui.modelpanel.ModelPanelViewModel.problemWith(s);
            if (wrong != null) {
                throw new IllegalArgumentException(wrong);
            }
            problem.setText("");
            compare.apply(s, cells);
        } catch (NumberFormatException e) {
            problem.setText(I18n.get("modelpanel.error.seed"));
        } catch (IllegalArgumentException e) {
            problem.setText(e.getMessage());
        }
    }

    /** Everything computed has landed: refill the overlaid charts, the fields, the timelines. */
    private void refresh() {
        if (compare.setup() != null) {
            Setup s = compare.setup();
            text.setText(s.text());
            seed.setText(Long.toString(s.seed()));
            hidden.setText(Integer.toString(s.hiddenSize()));
            rnn.setSelected(compare.cells().contains(CellType.RNN));
            lstm.setSelected(compare.cells().contains(CellType.LSTM));
            gru.setSelected(compare.cells().contains(CellType.GRU));
        }
        List<GradientFlow> flows = compare.flows();
        stepNorms.update(flows);
        vanishing.update(flows);
        showCursor(compare.getCursor());
    }

    private void showCursor(Cursor c) {
        Walkthrough first = compare.sessions().isEmpty() ? null : compare.sessions().get(0).getWalkthrough();
        stepNorms.setCurrentStep(first == null ? -1 : first.at(c).displayStep());
        position.setText(I18n.get("compare.position", compare.positionProperty().get() + 1,
                compare.positionsProperty().get()));
        stageTitle.setText(first == null ? "" : org.unroll.ui.stepper.CursorTitle.of(c, first,
                compare.sessions().get(0).getScenario()));
        paintTimelines();
    }

    private void rebuildTimelines() {
        timelines.getChildren().clear();
        canvases.clear();
        for (int i = 0; i < compare.sessions().size(); i++) {
            Canvas c = new Canvas();
            Pane holder = new Pane(c);
            VBox.setVgrow(holder, Priority.ALWAYS);
            holder.setMinHeight(40);
            c.widthProperty().bind(holder.widthProperty());
            c.heightProperty().bind(holder.heightProperty());
            c.widthProperty().addListener((o, a, b) -> paintTimelines());
            c.heightProperty().addListener((o, a, b) -> paintTimelines());
            canvases.add(c);
            timelines.getChildren().add(holder);
        }
        paintTimelines();
    }

    private void paintTimelines() {
        List<Session> sessions = compare.sessions();
        for (int i = 0; i < canvases.size() && i < sessions.size(); i++) {
            Canvas canvas = canvases.get(i);
            double w = canvas.getWidth();
            double h = canvas.getHeight();
            var gc = canvas.getGraphicsContext2D();
            gc.clearRect(0, 0, w, h);
            Walkthrough walk = sessions.get(i).getWalkthrough();
            if (walk == null || w < 10 || h < 10) {
                continue;
            }
            FXGraphics2D g = new FXGraphics2D(gc);
            paintTimeline(g, new Rectangle2D.Double(0, 0, w, h), i, walk, sessions.get(i));
        }
    }

    /** One cell's timeline in a strip: its label at the left, the figure scrolled to the cursor. */
    private void paintTimeline(Graphics2D g, Rectangle2D area, int i, Walkthrough walk, Session s) {
        double scale = Math.max(0.2, Math.min(timelineScale, area.getHeight() / TimelineLayout.HEIGHT));
        Cursor c = compare.getCursor();
        int t = Math.max(0, Math.min(walk.steps() - 1, c.step() < 0 ? (c.phase() == org.unroll.engine.Phase.START
                ? 0 : walk.steps() - 1) : c.step()));
        // keep the current step in the middle of the strip
        double scroll = (TimelineLayout.GUTTER + (t + 0.5) * TimelineLayout.COLUMN) * scale - area.getWidth() / 2;
        scroll = Math.max(0, Math.min(scroll, TimelineLayout.maxScroll(walk.steps(), scale, area.getWidth())));
        TimelineFigure.Frame f = new TimelineFigure.Frame(walk, s.getScenario(), c, scale, scroll, null, false,
                org.unroll.ui.I18n::get);
        TimelineFigure.paint(g, area, f);
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 18));
        String label = compare.label(i);
        int tw = g.getFontMetrics().stringWidth(label);
        g.setColor(new java.awt.Color(255, 255, 255, 230));
        g.fillRect((int) area.getMaxX() - tw - 20, 2, tw + 16, 26);
        g.setColor(org.unroll.charts.ChartStyle.color(i));
        g.drawString(label, (float) (area.getMaxX() - tw - 12), 21f);
        g.setColor(new java.awt.Color(0xB8B8B8));
        g.drawLine(0, (int) area.getMaxY() - 1, (int) area.getMaxX(), (int) area.getMaxY() - 1);
    }

    /**
     * The whole comparison as one figure: the stacked timelines above the two overlaid charts.
     *
     * @return the figure
     */
    public Figure figure() {
        return (g, area) -> {
            List<Session> sessions = compare.sessions();
            double top = area.getHeight() * 0.42;
            double strip = top / Math.max(1, sessions.size());
            for (int i = 0; i < sessions.size(); i++) {
                Walkthrough w = sessions.get(i).getWalkthrough();
                if (w != null) {
                    paintTimeline(g, new Rectangle2D.Double(area.getX(), area.getY() + i * strip, area.getWidth(), strip),
                            i, w, sessions.get(i));
                }
            }
            chartsFigure().draw(g, new Rectangle2D.Double(area.getX(), area.getY() + top, area.getWidth(),
                    area.getHeight() - top));
        };
    }

    /** The two overlaid charts side by side. */
    public Figure chartsFigure() {
        return (g, area) -> {
            double left = area.getWidth() * 0.45;
            stepNorms.chart().draw(g, new Rectangle2D.Double(area.getX(), area.getY(), left, area.getHeight()));
            vanishing.chart().draw(g, new Rectangle2D.Double(area.getX() + left, area.getY(),
                    area.getWidth() - left, area.getHeight()));
        };
    }

    private void exportWithChooser(boolean svg) {
        FileChooser fc = new FileChooser();
        fc.setInitialFileName(svg ? "compare.svg" : "compare.png");
        fc.getExtensionFilters().add(svg ? new FileChooser.ExtensionFilter("SVG", "*.svg")
                : new FileChooser.ExtensionFilter("PNG", "*.png"));
        File f = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            try {
                export(f.toPath(), svg, 2);
            } catch (IOException | RuntimeException e) {
                problem.setText(I18n.get("charts.export.failed", f.getName(), String.valueOf(e.getMessage())));
            }
        }
    }

    /** Writes the whole comparison (timelines and charts) at the window's size. */
    public void export(Path file, boolean svg, int scale) throws IOException {
        int w = getWidth() > 100 ? (int) getWidth() : 1280;
        int h = getHeight() > 100 ? (int) getHeight() : 720;
        if (svg) {
            ChartExport.writeSvg(figure(), file, w, h);
        } else {
            ChartExport.writePng(figure(), file, w, h, scale);
        }
    }

    public StepNormChart stepNormChart() {
        return stepNorms;
    }

    public VanishingChart vanishingChart() {
        return vanishing;
    }

    public CompareSession session() {
        return compare;
    }
}
