package org.unroll.ui.modelpanel;

import org.unroll.engine.Activation;
import org.unroll.engine.CellType;

/** The four cells the panel offers: a cell type with, for the plain RNN, its activation. */
public enum CellChoice {
    RNN_TANH(CellType.RNN, Activation.TANH, "model.cell.rnnTanh"),
    RNN_RELU(CellType.RNN, Activation.RELU, "model.cell.rnnRelu"),
    LSTM(CellType.LSTM, Activation.TANH, "model.cell.lstm"),
    GRU(CellType.GRU, Activation.TANH, "model.cell.gru");

    private final CellType cell;
    private final Activation activation;
    private final String key;

    CellChoice(CellType cell, Activation activation, String key) {
        this.cell = cell;
        this.activation = activation;
        this.key = key;
    }

    public CellType cell() {
        return cell;
    }

    public Activation activation() {
        return activation;
    }

    /** The I18n key of its name. */
    public String key() {
        return key;
    }

    public static CellChoice of(CellType cell, Activation activation) {
        if (cell == CellType.RNN) {
            return activation == Activation.RELU ? RNN_RELU : RNN_TANH;
        }
        return cell == CellType.LSTM ? LSTM : GRU;
    }
}
