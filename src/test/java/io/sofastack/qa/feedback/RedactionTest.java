package io.sofastack.qa.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A stored question keeps what a maintainer needs and loses what identifies or unlocks something. */
class RedactionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "联系我 zhang.san+qa@alibaba-inc.com 谢谢|联系我 [email] 谢谢",
            "我的手机是 138-1234-5678|我的手机是 [phone]",
            "call +86 138 1234 5678 please|call [phone] please",
            "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.abc|Authorization: Bearer [token]",
            "配置 password=hunter2 后启动失败|配置 password=[secret] 后启动失败",
            "app_secret: s3cr3t 不对吗|app_secret: [secret] 不对吗",
            "key 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 无效|key [token] 无效"})
    void secretsAndContactsAreReplaced(String question, String stored) {
        assertThat(Redaction.redact(question)).isEqualTo(stored);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SOFARPC 5.11.1 和 Spring Boot 3.2 兼容吗？",
            "com.alipay.sofa.rpc.core.exception.SofaRpcException: RPC-02306 是什么错误",
            "MOSN 监听 127.0.0.1:2045 端口起不来",
            "raft 日志 index 12345678 之后丢了",
            "getSofaRegistryDataServerMetaInfoListenerConfiguration 启动报错"})
    void versionsIdentifiersAddressesAndNumbersStay(String question) {
        assertThat(Redaction.redact(question)).isEqualTo(question);
    }
}
