package io.sofastack.qa.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.sofastack.qa.LoopbackWireMock;
import io.sofastack.qa.answer.Answer;
import io.sofastack.qa.answer.AnswerMode;
import io.sofastack.qa.answer.LlmStub;
import io.sofastack.qa.community.CommunityAnswer;
import io.sofastack.qa.community.CommunityAnswers;
import io.sofastack.qa.community.MaintainerReplies;
import io.sofastack.qa.community.MaintainerReply;
import io.sofastack.qa.feedback.AnswerRecord;
import io.sofastack.qa.feedback.AnswerRecords;
import io.sofastack.qa.index.ArchiveIndexer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The chat page in a real browser: Debian's headless Chromium through chromedriver, against the app on
 * a random port with WireMock playing an LLM that writes its answer over three seconds. Screenshots go
 * to {@code target/screenshots/} (on failure, and the ones README shows).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "qa.index.dir=target/test-indexes/web-chat", "qa.admin.token=admin-secret", "qa.rate-limit.per-asker=1000", "qa.rate-limit.per-conversation=1000"})
class WebChatTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final List<String> PIECES = List.of("不正常", "。三个节点", "里停掉一个，", "剩下两个仍是多数 [", "1]，",
            "应能很快选出 **leader**。");

    @RegisterExtension
    static WireMockExtension llm = LoopbackWireMock.extension();

    @DynamicPropertySource
    static void thirdParties(DynamicPropertyRegistry registry) {
        LlmStub.pointSpringAiAt(registry, llm);
        registry.add("qa.channel.state-dir", () -> "target/test-state/web-chat-" + UUID.randomUUID());
    }

    private static WebDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    ArchiveIndexer indexer;
    @Autowired
    AnswerRecords records;
    @Autowired
    CommunityAnswers community;
    @Autowired
    MaintainerReplies maintainerReplies;

    @BeforeAll
    static void startBrowser() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String reason = "WebChatTest skipped: " + CHROMIUM + " and " + CHROMEDRIVER
                    + " are needed (Debian packages chromium and chromium-driver; .ci/run installs them)";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        // The machine's network is closed: Chromium's background connections only fail and slow it down.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"), "--window-size=1100,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void openThePage() {
        indexer.synchronize();
        llm.resetAll();
        LlmStub.streams(llm, PIECES, Duration.ofSeconds(3));
        browser.manage().window().setSize(new Dimension(1100, 900));
        browser.get("http://127.0.0.1:" + port + "/");
    }

    private void ask(String question) {
        WebElement input = browser.findElement(By.id("question"));
        input.sendKeys(question);
        input.sendKeys(Keys.ENTER);
    }

    private WebElement lastAnswer() {
        List<WebElement> answers = browser.findElements(By.cssSelector(".turn .answer"));
        return answers.get(answers.size() - 1);
    }

    private WebElement awaitAnswer(String... states) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> List.of(states).contains(lastAnswer().getDomAttribute("data-state")));
        return lastAnswer();
    }

    private void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Runs a browser check; on failure the page is saved as it was, for the reader of the CI log. */
    private void inBrowser(TestInfo test, Check check) throws Exception {
        try {
            check.run();
        } catch (Throwable failure) {
            screenshot("failed-" + test.getTestMethod().orElseThrow().getName());
            throw failure;
        }
    }

    @FunctionalInterface
    private interface Check {
        void run() throws Exception;
    }

    @Test
    void anAnswerIsShownAsItIsWrittenWithItsSourcesAndAThumbsDownIsStored(TestInfo test) throws Exception {
        inBrowser(test, () -> {
            Instant asked = Instant.now();
            ask("三节点集群停掉一个节点后一直在选举，不能提供服务，正常吗？");

            WebElement streaming = awaitAnswer("streaming");
            String partial = streaming.findElement(By.className("text")).getText();
            assertThat(partial).as("part of the answer is on the page before it is done").isNotBlank().doesNotContain("leader");

            WebElement answer = awaitAnswer("grounded");
            assertThat(answer.findElement(By.className("state")).getText()).isEqualTo("Answered from the sources below");
            assertThat(answer.findElement(By.className("text")).getText()).startsWith(partial).contains("leader");
            assertThat(answer.findElement(By.cssSelector(".text strong")).getText()).isEqualTo("leader");
            assertThat(answer.findElement(By.cssSelector(".text em")).getText()).as("the source's age, in one line").contains("2022-02-18");
            List<WebElement> sources = answer.findElements(By.cssSelector(".sources .source"));
            assertThat(sources).isNotEmpty();
            assertThat(sources.get(0).findElement(By.className("kind")).getText()).isEqualToIgnoringCase("SOFA Weekly Q&A");
            assertThat(sources.get(0).findElement(By.tagName("a")).getDomAttribute("href"))
                    .isEqualTo("https://www.sofastack.tech/blog/sofa-weekly-20220218/");
            screenshot("chat");

            answer.findElement(By.cssSelector(".feedback button.unhelpful")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10))
                    .until(driver -> answer.findElement(By.className("feedback-status")).getText().equals("Thanks, noted."));
            assertThat(records.gaps(asked.minusSeconds(1), Instant.now().plusSeconds(1), 10))
                    .anySatisfy(record -> {
                        assertThat(record.question()).startsWith("三节点集群停掉一个节点");
                        assertThat(record.gap()).isEqualTo(AnswerRecord.Gap.UNHELPFUL);
                    });
        });
    }

    @Test
    void aFollowUpIsReadWithTheQuestionBeforeItAndAnOffTopicQuestionIsRefusedPlainly(TestInfo test) throws Exception {
        inBrowser(test, () -> {
            ask("三节点集群停掉一个节点后一直在选举，不能提供服务，正常吗？");
            awaitAnswer("grounded", "refused");
            ask("那 5 个节点呢？");
            WebElement followUp = awaitAnswer("grounded", "refused");
            assertThat(followUp.findElement(By.className("follows")).getText())
                    .isEqualTo("Read together with: 三节点集群停掉一个节点后一直在选举，不能提供服务，正常吗？");

            ask("红烧肉怎么做才好吃？");
            WebElement refused = awaitAnswer("refused");
            assertThat(refused.findElement(By.className("state")).getText()).isEqualTo("No answer in the knowledge");
            assertThat(refused.getDomAttribute("class")).contains("refused");

            browser.manage().window().setSize(new Dimension(390, 844));
            screenshot("chat-phone");
            assertThat(browser.findElement(By.id("send")).isDisplayed()).as("the form stays usable at a phone's width").isTrue();
        });
    }

    @Test
    void theQuestionFieldIsLabelledAndTheKeyboardAlonePostsAQuestion(TestInfo test) throws Exception {
        inBrowser(test, () -> {
            assertThat(browser.findElement(By.cssSelector("label[for=question]")).getText()).isEqualTo("Your question");
            WebElement input = browser.findElement(By.id("question"));
            input.sendKeys("MOSN 支持 dubbo 吗？", Keys.chord(Keys.SHIFT, Keys.ENTER), "还有 grpc？");
            assertThat(browser.findElements(By.cssSelector(".turn"))).as("Shift+Enter starts a line, it does not send").isEmpty();
            input.sendKeys(Keys.ENTER);
            awaitAnswer("grounded", "refused");
            assertThat(browser.findElement(By.cssSelector(".turn .question")).getText()).isEqualTo("MOSN 支持 dubbo 吗？\n还有 grpc？");
        });
    }

    @Test
    void aMaintainerSeesWhatTheBotCouldNotAnswerOnTheAdminPageAndAWrongTokenIsToldSo(TestInfo test) throws Exception {
        inBrowser(test, () -> {
            ask("红烧肉怎么做才好吃？");
            awaitAnswer("refused");

            browser.get("http://127.0.0.1:" + port + "/admin.html");
            WebElement token = browser.findElement(By.id("token"));
            token.clear();
            token.sendKeys("wrong", Keys.ENTER);
            new WebDriverWait(browser, Duration.ofSeconds(10))
                    .until(driver -> driver.findElement(By.id("status")).getText().contains("Bearer"));

            token.clear();
            token.sendKeys("admin-secret", Keys.ENTER);
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> driver.findElement(By.id("gaps")).isDisplayed());
            assertThat(browser.findElements(By.cssSelector("#gaps tr.cluster")))
                    .anySatisfy(row -> assertThat(row.getText()).contains("红烧肉怎么做才好吃？").contains("abstained"));
            assertThat(browser.findElement(By.id("summary")).getText()).contains("questions in");
            screenshot("admin-gaps");
        });
    }

    @Test
    void aReviewerAcceptsAMaintainersAnswerOnTheReviewPageAndTheChatThenCitesIt(TestInfo test) throws Exception {
        String question = "SOFARegistry 的 session 节点扩容后数据怎么迁移？";
        String thread = "slack:CWEB:1700000000.000100";
        records.record("slack", question, new Answer("没有找到答案。", false, AnswerMode.EXTRACTIVE, List.of(), 0.05), thread);
        CommunityAnswer candidate = maintainerReplies.hear(new MaintainerReply("slack", "slack:UMAINTAINER", thread, true,
                "slack:message:CWEB:1700000100.000100", "Session 节点不存数据，扩容后新节点从 Data 节点重新订阅即可，不需要迁移数据。",
                () -> "https://sofastack.slack.com/archives/CWEB/p1700000000000100", Instant.now())).get().orElseThrow();
        inBrowser(test, () -> {
            browser.get("http://127.0.0.1:" + port + "/review.html");
            WebElement token = browser.findElement(By.id("token"));
            token.clear();
            token.sendKeys("admin-secret", Keys.ENTER);
            WebElement item = new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver ->
                    driver.findElement(By.cssSelector("li.candidate[data-id='" + candidate.id() + "']")));
            assertThat(item.getText()).contains("pending").contains("abstained");
            WebElement answer = item.findElement(By.id("a-" + candidate.id()));
            assertThat(answer.getDomProperty("value")).contains("不需要迁移数据");
            answer.sendKeys(Keys.END, "\n\n客户端重连时会分布到新节点上。");
            screenshot("review");
            item.findElement(By.cssSelector("button.accept")).click();
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> driver.findElement(By.id("status")).getText().startsWith("Accepted"));
            assertThat(community.find(candidate.id()).answer()).contains("客户端重连时");

            browser.get("http://127.0.0.1:" + port + "/");
            ask("SOFARegistry session 节点扩容以后要不要迁移数据？");
            WebElement source = awaitAnswer("grounded").findElements(By.cssSelector(".sources .source")).get(0);
            assertThat(source.findElement(By.className("kind")).getText()).isEqualToIgnoringCase("Maintainer, in the group");
            assertThat(source.findElement(By.tagName("a")).getDomAttribute("href"))
                    .isEqualTo("https://sofastack.slack.com/archives/CWEB/p1700000000000100");
        });
        community.withdraw(candidate.id());
    }

    @Test
    void theFeedbackPageDingTalkAnswersLinkToRecordsOnlyWhatTheReaderSends(TestInfo test) throws Exception {
        Answer answer = new Answer("Session 节点无状态。", true, AnswerMode.EXTRACTIVE, List.of(), 0.9);
        records.record("dingtalk", "Session 节点扩容要迁移数据吗？", answer, "dingtalk:cid-1:staff-1");
        inBrowser(test, () -> {
            browser.get("http://127.0.0.1:" + port + "/feedback.html?answer=" + answer.id() + "&helpful=false");
            WebElement unhelpful = browser.findElement(By.cssSelector("input[name=helpful][value=false]"));
            assertThat(unhelpful.isSelected()).isTrue();
            assertThat(records.find(answer.id()).orElseThrow().gap()).as("opening the link votes nothing").isNull();
            browser.findElement(By.id("comment")).sendKeys("没说清楚扩容步骤");
            screenshot("feedback");
            browser.findElement(By.id("submit")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.findElement(By.id("status")).getText().contains("已记下"));
            assertThat(records.find(answer.id()).orElseThrow().gap()).isEqualTo(AnswerRecord.Gap.UNHELPFUL);

            browser.get("http://127.0.0.1:" + port + "/feedback.html?answer=no-such-answer&helpful=true");
            browser.findElement(By.id("submit")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.findElement(By.id("status")).getText()
                    .contains("No answer with this answerId"));
        });
    }
}
