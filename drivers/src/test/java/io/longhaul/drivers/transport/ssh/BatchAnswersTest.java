package io.longhaul.drivers.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import io.longhaul.drivers.dialect.CliProfiles;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Answers to commands typed ahead")
class BatchAnswersTest {
  private static final List<String> COMMANDS =
      List.of("configure terminal", "vlan 1000", "interface Ethernet1/1", "end");

  private static BatchAnswers parse(String text) {
    return BatchAnswers.parse(text, COMMANDS, "leaf1#", CliProfiles.NXOS.prompt());
  }

  @Test
  @DisplayName("without echo, each answer ends at the prompt that follows it")
  void noEcho() {
    var b =
        parse(
            "Enter configuration commands, one per line.\n"
                + "leaf1(config)#leaf1(config-vlan)#% Invalid command at '^' marker.\n"
                + "leaf1(config-vlan)#leaf1#");
    assertThat(b.complete(4)).isTrue();
    assertThat(b.prompt()).isEqualTo("leaf1#");
    assertThat(b.outputs())
        .containsExactly(
            "Enter configuration commands, one per line.\n",
            "",
            "% Invalid command at '^' marker.\n",
            "");
  }

  @Test
  @DisplayName("with echo, the echoed commands are not part of the outputs")
  void echo() {
    var b =
        parse(
            "configure terminal\nEnter configuration commands.\nleaf1(config)# vlan 1000\n"
                + "leaf1(config-vlan)# interface Ethernet1/1\nleaf1(config-if)# end\nleaf1# ");
    assertThat(b.complete(4)).isTrue();
    assertThat(b.outputs()).containsExactly("Enter configuration commands.\n", "", "", "");
  }

  @Test
  @DisplayName("a partial stream counts what is answered and is not complete")
  void partial() {
    var b = parse("leaf1(config)#leaf1(config-vlan)#");
    assertThat(b.complete(4)).isFalse();
    assertThat(b.answered()).isEqualTo(2);
    assertThat(parse("leaf1(config)#leaf1(config-vlan)#leaf1(config-if)#leaf1").complete(4))
        .isFalse();
  }

  @Test
  @DisplayName("another device's prompt or prompt-like output does not end an answer")
  void notOurPrompt() {
    var b = parse("spine1(config)#\nleaf1 # nope\nleaf1(config)#");
    assertThat(b.answered()).isEqualTo(1);
    assertThat(b.outputs()).containsExactly("spine1(config)#\nleaf1 # nope\n");
  }
}
