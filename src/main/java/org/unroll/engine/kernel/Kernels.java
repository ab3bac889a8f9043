package org.unroll.engine.kernel;

/** Picks the {@link MatrixKernel} and the {@link ElementKernel} once: the Vector API one when its incubator module is in the boot layer. */
final class Kernels {

    private static final boolean VECTOR_MODULE_PRESENT =
            ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private static final MatrixKernel SELECTED = VECTOR_MODULE_PRESENT ? vectorKernel() : new ScalarKernel();

    private static final ElementKernel ELEMENTS = VECTOR_MODULE_PRESENT ? vectorElements() : new ScalarElements();

    private Kernels() {
    }

    /** True when the JVM was started with {@code --add-modules jdk.incubator.vector}. */
    static boolean vectorModulePresent() {
        return VECTOR_MODULE_PRESENT;
    }

    static MatrixKernel selected() {
        return SELECTED;
    }

    static ElementKernel elements() {
        return ELEMENTS;
    }

    /** Kept in its own method so that {@link VectorElements} is loaded only when this runs. */
    private static ElementKernel vectorElements() {
        return new VectorElements();
    }

    /** Kept in its own method so that {@link VectorKernel} is loaded only when this runs. */
    private static MatrixKernel vectorKernel() {
        return new VectorKernel();
    }
}
