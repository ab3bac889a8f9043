package org.unroll.io;


import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.unroll.engine.Bptt;
import org.unroll.engine.GradientFlow;
import org.unroll.engine.Model;
import org.unroll.engine.Params;
import org.unroll.engine.SequenceBatch;
import org.unroll.testing.Fixtures;
import org.unroll.testing.JsonCompare;

/** Every field of every PyTorch fixture, to 1e-6. */
class GradientsFixtureTest {

    static List<String> cases() {
        return Fixtures.nonEmptyNames();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void everyFieldMatchesPyTorch(String name) throws Exception {
        Model model = ModelFile.read(Fixtures.model(name));
        SequenceBatch seq = SequenceFile.read(Fixtures.seq(name), model);
        Bptt bptt = new Bptt(model, seq);
        bptt.forward();
        Params grads = model.params().zerosLike();
        bptt.backward(grads);
        JsonNode actual = GradientsFile.toJson(bptt, grads, GradientFlow.of(bptt, 0));
        JsonNode expected = JsonFields.readObject(Fixtures.grad(name));
        JsonCompare.assertClose(expected, actual, name);
    }
}
