package org.unroll.engine.kernel;

/** Picks the {@link MatrixKernel} once: the Vector API one when its incubator module is in the boot layer. */
final class Kernels {

    private static final boolean VECTOR_MODULE_PRESENT =
            ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private static final MatrixKernel SELECTED = VECTOR_MODULE_PRESENT ? vectorKernel() : new ScalarKernel();

    private Kernels() {
    }

    /** True when the JVM was started with {@code --add-modules jdk.incubator.vector}. */
    static boolean vectorModulePresent() {
        return VECTOR_MODULE_PRESENT;
    }

    static MatrixKernel selected() {
        return SELECTED;
    }

    /** Kept in its own method so that {@link VectorKernel} is loaded only when this runs. */
    private static MatrixKernel vectorKernel() {
        return new VectorKernel();
    }
}
