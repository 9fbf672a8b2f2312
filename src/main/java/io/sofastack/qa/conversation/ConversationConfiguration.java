package io.sofastack.qa.conversation;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.rag.preretrieval.query.transformation.CompressionQueryTransformer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The LLM rewrite of follow-ups, when Spring AI provides a chat model and it is not switched off. */
@Configuration(proxyBeanMethods = false)
class ConversationConfiguration {

    /** {@code null} (no such bean) without an LLM: the merge rule reads every follow-up. */
    @Bean
    FollowUpRewriter followUpRewriter(ObjectProvider<ChatModel> chatModel, ConversationProperties properties) {
        ChatModel model = chatModel.getIfAvailable();
        if (model == null || !properties.rewriteWithLlm()) {
            return null;
        }
        return new FollowUpRewriter(CompressionQueryTransformer.builder().chatClientBuilder(ChatClient.builder(model)).build(), properties);
    }
}
