package io.sofastack.qa.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmallTalkTest {

    private final SmallTalk smallTalk = new SmallTalk();

    @ParameterizedTest
    @ValueSource(strings = {"你好", "大家好！", "谢谢", "谢谢！！", "感谢感谢 🙏", "好的，收到", "嗯嗯", "辛苦了～", "<@UBOT> 谢谢",
            "@SOFA助手 你好", "hi", "Hello there!", "Thanks a lot :pray:", "thank you so much", "ok 👍", "Got it, thanks!",
            "ＴＨＡＮＫＳ", "👍", "🎉🎉", "在吗？", "有人在吗?", "anyone here?"})
    void aMessageThatOnlyGreetsThanksOrAcknowledgesIsSmallTalk(String message) {
        assertThat(smallTalk.isSmallTalk(message)).isTrue();
        assertThat(smallTalk.asksSomething(message)).as("small talk asks nothing").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"你好，SOFARPC 怎么设置超时", "谢谢！那 5 个节点呢？", "好的？", "ok?", "thanks, but how do I enable tracing",
            "hi, is MOSN compatible with Istio 1.14", "this", "hello world 程序跑不起来", "SOFAJRaft", "谢谢 2.0 版本的修复"})
    void aMessageWithAnythingElseInItOrAQuestionMarkIsNot(String message) {
        assertThat(smallTalk.isSmallTalk(message)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SOFARPC 超时怎么配置", "为什么 leader 一直在选举", "MOSN 支持 dubbo 吗", "三节点集群正常吗？",
            "Layotto 能不能跑在 ARM 上", "启动报错 NoSuchMethodError", "How do I configure the timeout", "Is there a Helm chart",
            "dubbo 协议不通?", "Any idea why the registry is empty"})
    void aQuestionAsksSomethingByItsMarkOrItsWords(String message) {
        assertThat(smallTalk.asksSomething(message)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"今天发布了 SOFAArk 2.2", "我们组下午开会", "Released MOSN 1.5 today", "lunch at noon", "已经合并了"})
    void aStatementAsksNothing(String message) {
        assertThat(smallTalk.asksSomething(message)).isFalse();
    }
}
