package dev.ferrite.gateway.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NodePropertiesTest {

    @Test
    void withoutANameTheNodeIsFerriteAtItsHost() {
        assertThat(new NodeProperties(null).nodeName()).startsWith("ferrite@").hasSizeGreaterThan("ferrite@".length());
        assertThat(new NodeProperties(" ").nodeName()).startsWith("ferrite@");
    }

    @Test
    void aGivenNameIsKept() {
        assertThat(new NodeProperties("gw-1@10.0.0.7").nodeName()).isEqualTo("gw-1@10.0.0.7");
    }

    @Test
    void aNameThatCannotBeATopicLevelNamesTheProperty() {
        for (String bad : new String[] {"gw/1", "gw+", "gw#"}) {
            assertThatThrownBy(() -> new NodeProperties(bad))
                    .hasMessage("ferrite.gateway.node-name must not contain '/', '+', '#' or NUL, was '" + bad + "'");
        }
    }
}
