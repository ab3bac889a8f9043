package org.unroll.cli;

import picocli.CommandLine.IVersionProvider;

/** The version {@code unroll --version} prints; kept equal to the pom's by a test. */
public final class Version implements IVersionProvider {
    public static final String NUMBER = "0.1.0";

    @Override
    public String[] getVersion() {
        return new String[] {"unroll " + NUMBER};
    }
}
