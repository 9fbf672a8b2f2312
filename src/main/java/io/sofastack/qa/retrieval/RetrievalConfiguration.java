package io.sofastack.qa.retrieval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import tools.jackson.databind.json.JsonMapper;

/** Retrieval's parts: the analyzer's terms, the bilingual lexicon, rank fusion, the answerability features and model. */
@Configuration(proxyBeanMethods = false)
class RetrievalConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RetrievalConfiguration.class);

    @Bean
    Terms terms() {
        return new Terms();
    }

    @Bean
    BilingualLexicon bilingualLexicon(RetrievalProperties properties, ResourceLoader resources) {
        Resource resource = resources.getResource(properties.lexicon());
        if (!resource.exists()) {
            log.warn("No bilingual lexicon at {}: English questions are searched as they are (see README, 'Re-fit')",
                    properties.lexicon());
            return BilingualLexicon.empty();
        }
        try (InputStream in = resource.getInputStream()) {
            BilingualLexicon lexicon = BilingualLexicon.load(in);
            log.info("Bilingual lexicon: {} English terms from {}", lexicon.size(), properties.lexicon());
            return lexicon;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lexicon " + properties.lexicon(), e);
        }
    }

    @Bean
    ScoreFusion scoreFusion(RetrievalProperties properties) {
        return new ScoreFusion(properties.similarityWeight(), properties.englishSimilarityWeight());
    }

    @Bean
    AnswerabilityFeatures answerabilityFeatures(Terms terms, BilingualLexicon lexicon, RetrievalProperties properties) {
        RankFusion agreement = new RankFusion(properties.lexicalWeight(), properties.vectorWeight(), properties.rankConstant());
        return new AnswerabilityFeatures(terms, lexicon, agreement,
                new PassageTermsCache(properties.passageTermsCache().toBytes()));
    }

    @Bean
    AnswerabilityModel answerabilityModel(RetrievalProperties properties, ResourceLoader resources, JsonMapper jsonMapper,
                                          Environment environment) {
        Resource resource = resources.getResource(properties.answerabilityModel());
        if (environment.containsProperty("qa.answerability.fit-to")) {
            // The fitting command makes the model: the one there may be stale, and it is not used.
            return AnswerabilityModel.uninformed();
        }
        if (!resource.exists()) {
            log.warn("No answerability model at {}: every answer gets probability 0.5 until one is fitted (see README, 'Re-fit')",
                    properties.answerabilityModel());
            return AnswerabilityModel.uninformed();
        }
        try (InputStream in = resource.getInputStream()) {
            return jsonMapper.readValue(in, AnswerabilityModel.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the answerability model " + properties.answerabilityModel(), e);
        }
    }

    @Bean
    RetrievalParts retrievalParts(Terms terms, BilingualLexicon lexicon, ScoreFusion fusion,
                                  AnswerabilityFeatures features, AnswerabilityModel model) {
        return new RetrievalParts(terms, lexicon, fusion, features, model);
    }
}
