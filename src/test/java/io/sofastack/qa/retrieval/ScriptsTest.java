package io.sofastack.qa.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Whether a question is English or Chinese. */
class ScriptsTest {

    @Test
    void englishProseIsEnglishEvenWithCodeInIt() {
        assertThat(Scripts.isMostlyLatin("How do I fix NoClassDefFoundError com.alipay.sofa.runtime.api.ServiceRuntimeException at startup?")).isTrue();
        assertThat(Scripts.isMostlyLatin("is there a fire-and-forget call mode in sofarpc? the reply doesn't matter")).isTrue();
        assertThat(Scripts.isMostlyLatin("java.lang.NoClassDefFoundError")).isTrue();
    }

    @Test
    void aChineseQuestionNamingProductsIsChinese() {
        assertThat(Scripts.isMostlyLatin("SOFARPC 怎么配置超时")).isFalse();
        assertThat(Scripts.isMostlyLatin("mosn 的监听端口开了 tls，但还有些老客户端是明文连上来的")).isFalse();
    }

    @Test
    void aStackTracePastedIntoAChineseQuestionLeavesItChinese() {
        String question = "sofa-boot 启动报错 java.lang.NoClassDefFoundError: com/alipay/sofa/runtime/api/ServiceRuntimeException "
                + "at org.springframework.beans.factory.support.AbstractAutowireCapableBeanFactory.initializeBean(AbstractAutowireCapableBeanFactory.java:1806) 怎么解决";

        assertThat(Scripts.isMostlyLatin(question)).isFalse();
    }

    @Test
    void englishWordsStillOutweighAFewHanCharacters() {
        assertThat(Scripts.isMostlyLatin("what does 注册中心 mean in the registry docs, is it the same as the session server")).isTrue();
    }
}
