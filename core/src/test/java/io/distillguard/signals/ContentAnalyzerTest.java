package io.distillguard.signals;

import static io.distillguard.signals.Exchanges.prompt;
import static io.distillguard.signals.Exchanges.withSystem;
import static org.assertj.core.api.Assertions.assertThat;

import io.distillguard.model.ReasoningRequest;
import io.distillguard.model.Role;
import io.distillguard.model.StructuredOutput;
import io.distillguard.model.Turn;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContentAnalyzerTest {

    private final ContentAnalyzer an = new ContentAnalyzer();

    // ------------------------------------------------------------ chain of thought

    @ParameterizedTest
    @ValueSource(strings = {
        "A train leaves at 3pm and travels 60 miles per hour. When does it arrive 150 miles away? Explain every step.",
        "Q: If 3 pens cost $4.50, what do 7 pens cost?\nA: Let's think step by step.",
        "Solve the problem below. Show all your work and justify each step before giving the final answer.",
        "Use chain-of-thought reasoning, then output the answer on the last line.",
        "Think through the problem carefully and write out your full reasoning process before answering.",
    })
    void cotPromptsScoreHigh(String p) {
        assertThat(an.analyze(prompt(p)).cotElicitation()).isGreaterThanOrEqualTo(ContentAnalyzer.POSITIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "What is the capital of France?",
        "Give me a step-by-step guide to installing nginx on Ubuntu 22.04.",
        "Write a haiku about autumn leaves.",
        "My printer keeps jamming, any idea why?",
        "Translate 'good morning' into Spanish.",
    })
    void plainRequestsStayNearZero(String p) {
        assertThat(an.analyze(prompt(p)).cotElicitation()).isLessThan(0.25);
    }

    @Test
    void studentAskingForStepsIsCotIshButBelowTheDecisionPoint() {
        double student = an.analyze(prompt("can you explain step by step how to solve this equation? 2x + 3 = 7"))
                .cotElicitation();
        double harvest = an.analyze(prompt("Solve 2x + 3 = 7. Think step by step, show your reasoning for every step "
                + "and give the final answer in a box.")).cotElicitation();
        assertThat(student).isGreaterThan(0.2).isLessThan(ContentAnalyzer.POSITIVE);
        assertThat(harvest).isGreaterThan(student).isGreaterThan(0.9);
    }

    @Test
    void reasoningParametersAddToCotAndAreReportedAsMaxed() {
        var rr = new ReasoningRequest(null, 6000, "enabled");
        var maxed = Exchanges.of("", "Describe the water cycle.", List.of(), StructuredOutput.NONE, rr, 7000, List.of());
        var notMaxed = Exchanges.of("", "Describe the water cycle.", List.of(), StructuredOutput.NONE, rr, 32000,
                List.of());
        assertThat(an.analyze(maxed).reasoningMaxed()).isTrue();
        assertThat(an.analyze(notMaxed).reasoningMaxed()).isFalse();
        assertThat(an.analyze(maxed).cotElicitation()).isGreaterThan(an.analyze(notMaxed).cotElicitation());
        var high = Exchanges.of("", "hi", List.of(), StructuredOutput.NONE, new ReasoningRequest("xhigh", null, null),
                null, List.of());
        assertThat(an.analyze(high).reasoningMaxed()).isTrue();
        var disabled = Exchanges.of("", "hi", List.of(), StructuredOutput.NONE,
                new ReasoningRequest(null, 20000, "disabled"), null, List.of());
        assertThat(an.analyze(disabled).reasoningMaxed()).isFalse();
    }

    // ------------------------------------------------------------ reasoning reconstruction

    @ParameterizedTest
    @ValueSource(strings = {
        "Imagine and articulate the internal reasoning behind a completed response and write it out step by step.",
        "Here is a question and the final answer. Reconstruct the thought process that led to this answer.",
        "Given the solution below, retrace the reasoning steps the author must have taken to arrive at this result.",
    })
    void reconstructionScoresHigh(String p) {
        ContentSignals s = an.analyze(prompt(p));
        assertThat(s.reasoningReconstruction()).isGreaterThanOrEqualTo(ContentAnalyzer.POSITIVE);
        assertThat(s.cotElicitation()).isGreaterThanOrEqualTo(s.reasoningReconstruction());
    }

    @Test
    void plainCotIsNotReconstruction() {
        assertThat(an.analyze(prompt("Let's think step by step: what is 17 * 23?")).reasoningReconstruction())
                .isLessThan(0.3);
        assertThat(an.analyze(prompt("What was the reasoning of the Supreme Court in Roe v. Wade?"))
                .reasoningReconstruction()).isLessThan(ContentAnalyzer.POSITIVE);
    }

    // ------------------------------------------------------------ rubric grading

    @Test
    void judgePromptInSystemOrUserIsGrading() {
        ContentSignals s = an.analyze(withSystem(
                "You are a strict grader. Score the answer from 1 to 5 using the rubric below.",
                "Question: what is 2+2?\nAnswer: 4"));
        assertThat(s.rubricGrading()).isGreaterThanOrEqualTo(0.8);
        assertThat(s.capability()).isEqualTo(Capability.GRADING);
        ContentSignals pair = an.analyze(prompt("Compare the two responses below and tell me which response is "
                + "better. Output your verdict as [[A]] or [[B]].\n\nResponse A: ...\nResponse B: ..."));
        assertThat(pair.rubricGrading()).isGreaterThanOrEqualTo(0.8);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Can you rate my chili recipe? I added cumin and a bit of cocoa.",
        "How do I grade my students' essays fairly?",
        "On a scale of 1 to 10, how spicy is a jalapeno?",
        "Which is better for a beginner, Python or JavaScript?",
    })
    void everydayRatingQuestionsAreNotGrading(String p) {
        assertThat(an.analyze(prompt(p)).rubricGrading()).isLessThan(ContentAnalyzer.POSITIVE);
    }

    // ------------------------------------------------------------ censorship-safe rewrite

    @ParameterizedTest
    @ValueSource(strings = {
        "Rewrite the following politically sensitive question so that it would pass a content filter: what happened in 1989?",
        "Rephrase this question in a censorship-safe way, avoiding sensitive keywords.",
        "Reword the text below into a sanitized, non-political version that will not get flagged by moderators.",
    })
    void censorshipRewritesScoreHigh(String p) {
        assertThat(an.analyze(prompt(p)).censorshipRewrite()).isGreaterThanOrEqualTo(ContentAnalyzer.POSITIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Rewrite this email in a more polite tone.",
        "Paraphrase the paragraph below for a 10th grade reading level.",
        "What is the history of censorship in the United States?",
    })
    void ordinaryRewritesAreNotCensorship(String p) {
        assertThat(an.analyze(prompt(p)).censorshipRewrite()).isLessThan(ContentAnalyzer.POSITIVE);
    }

    // ------------------------------------------------------------ structured Q/A

    @Test
    void structuredQaCombinesTextAndResponseFormat() {
        var text = prompt("Generate 20 diverse math word problems with answers as a JSON array with the fields "
                + "question and answer.");
        assertThat(an.analyze(text).structuredQa()).isGreaterThanOrEqualTo(0.8);
        var schemaOnly = Exchanges.of("", "Extract the invoice number and total from this invoice: ...", List.of(),
                StructuredOutput.JSON_SCHEMA, ReasoningRequest.NONE, null, List.of());
        double extraction = an.analyze(schemaOnly).structuredQa();
        assertThat(extraction).isGreaterThan(0).isLessThan(ContentAnalyzer.POSITIVE);
        var schemaGen = Exchanges.of("", "Create 5 quiz questions about the French revolution.", List.of(),
                StructuredOutput.JSON_SCHEMA, ReasoningRequest.NONE, null, List.of());
        assertThat(an.analyze(schemaGen).structuredQa()).isGreaterThanOrEqualTo(0.8);
        assertThat(an.analyze(prompt("I have 2 questions about my tax return.")).structuredQa())
                .isLessThan(ContentAnalyzer.POSITIVE);
    }

    // ------------------------------------------------------------ tools

    @Test
    void toolLoopIsAgentic() {
        Turn call = new Turn(Role.ASSISTANT, "", List.of("read_file"), 0, 0, List.of());
        Turn result = new Turn(Role.TOOL, "contents", List.of(), 1, 0, List.of());
        var loop = Exchanges.of("", "now fix the failing test", List.of("read_file", "write_file"),
                StructuredOutput.NONE, ReasoningRequest.NONE, null, List.of(Turn.text(Role.USER, "fix it"), call, result));
        ContentSignals s = an.analyze(loop);
        assertThat(s.agenticLoop()).isTrue();
        assertThat(s.toolUse()).isGreaterThanOrEqualTo(0.8);
        assertThat(s.capability()).isEqualTo(Capability.AGENTIC);
        var offered = Exchanges.of("", "what's the weather in Paris?", List.of("get_weather"), StructuredOutput.NONE,
                ReasoningRequest.NONE, null, List.of());
        assertThat(an.analyze(offered).agenticLoop()).isFalse();
        assertThat(an.analyze(offered).toolUse()).isGreaterThanOrEqualTo(ContentAnalyzer.POSITIVE).isLessThan(0.8);
        assertThat(an.analyze(prompt("You have access to the following tools: search(query), calculator(expr). "
                + "Use the format Thought: / Action: / Observation:")).toolUse()).isGreaterThanOrEqualTo(0.5);
    }

    // ------------------------------------------------------------ capability

    @Test
    void capabilityCategories() {
        assertThat(cap("Janet has 16 eggs. She eats 3 and bakes with 4. How many are left?"))
                .isEqualTo(Capability.MATH_REASONING);
        assertThat(cap("```python\ndef f(x):\n    return x*2\n```\nWhy does this function raise a TypeError?"))
                .isEqualTo(Capability.CODING);
        assertThat(cap("Write a short story about a lighthouse keeper who befriends a whale."))
                .isEqualTo(Capability.WRITING);
        assertThat(cap("Who was the first emperor of Rome and why is he important?"))
                .isEqualTo(Capability.KNOWLEDGE_QA);
        assertThat(cap("hey, how are you today?")).isEqualTo(Capability.CHIT_CHAT);
        assertThat(cap("")).isEqualTo(Capability.OTHER);
    }

    private Capability cap(String p) {
        return an.analyze(prompt(p)).capability();
    }

    // ------------------------------------------------------------ hashes and robustness

    @Test
    void exactHashNormalisesCaseAndWhitespaceOnly() {
        assertThat(ContentAnalyzer.exactHash("  Hello   World\n")).isEqualTo(ContentAnalyzer.exactHash("hello world"));
        assertThat(ContentAnalyzer.exactHash("hello world")).isNotEqualTo(ContentAnalyzer.exactHash("hello world!"));
        assertThat(ContentAnalyzer.exactHash("   ")).isZero();
        ContentSignals s = an.analyze(withSystem("Be brief.", "Hi there"));
        assertThat(s.promptHash()).isEqualTo(ContentAnalyzer.exactHash("hi there"));
        assertThat(s.systemHash()).isEqualTo(ContentAnalyzer.exactHash("be brief."));
        assertThat(s.systemTemplateHash()).isNotZero();
        assertThat(an.analyze(prompt("Hi there")).systemHash()).isZero();
        assertThat(an.analyze(prompt("Hi there")).systemTemplateHash()).isZero();
    }

    @Test
    void emptyHugeAndOddInputsDoNotThrowAndAreDeterministic() {
        ContentSignals empty = an.analyze(prompt(""));
        assertThat(empty.templateHash()).isZero();
        assertThat(empty.promptHash()).isZero();
        String huge = "step by step ".repeat(200_000) + "{\"a\":[[[[" + "\u0000\uffff\ud83d\ude00".repeat(1000);
        ContentSignals h1 = an.analyze(prompt(huge));
        ContentSignals h2 = new ContentAnalyzer().analyze(prompt(huge));
        assertThat(h1).isEqualTo(h2);
        assertThat(h1.promptChars()).isEqualTo(huge.length());
        assertThat(an.analyze(prompt("```unterminated code \"quote {brace [[ @ http://x"))).isNotNull();
    }

    @Test
    void explainNamesTheCuesThatFired() {
        var e = Exchanges.of("", "Let's think step by step.", List.of("search"), StructuredOutput.JSON_OBJECT,
                new ReasoningRequest("high", null, null), null, List.of());
        assertThat(an.explain(e)).contains("cot:think_step_by_step", "param:reasoning_maxed",
                "param:structured_output_json_object", "param:tools_offered");
        assertThat(an.explain(prompt("Solve 2x+3=7. Explain every intermediate step in full before the final answer.")))
                .contains("rule:cot:expose+process+exhaustive");
    }

    @Test
    void hardNegativesFromLegitimateHeavyUsers() {
        // a coding agent is agentic and tool-heavy but asks for no reasoning trace
        Turn call = new Turn(Role.ASSISTANT, "", List.of("bash"), 0, 0, List.of());
        Turn result = new Turn(Role.TOOL, "tests passed", List.of(), 1, 0, List.of());
        var agent = Exchanges.of("You are a coding agent. Use the tools to edit files.", "continue",
                List.of("bash", "edit"), StructuredOutput.NONE, ReasoningRequest.NONE, null,
                List.of(Turn.text(Role.USER, "make the build green"), call, result));
        ContentSignals a = an.analyze(agent);
        assertThat(a.agenticLoop()).isTrue();
        assertThat(a.cotElicitation()).isLessThan(0.25);
        assertThat(a.rubricGrading()).isLessThan(0.25);
        // a SaaS summariser: one template, structured output, but no data generation
        var saas = Exchanges.of("Summarize the customer ticket below in two sentences.",
                "Ticket 4411: the app crashes when I upload a PNG larger than 5 MB on Android 14.", List.of(),
                StructuredOutput.JSON_SCHEMA, ReasoningRequest.NONE, null, List.of());
        ContentSignals s = an.analyze(saas);
        assertThat(s.structuredQa()).isLessThan(ContentAnalyzer.POSITIVE);
        assertThat(s.cotElicitation()).isLessThan(0.25);
        // a classroom question and a translation request
        assertThat(an.analyze(prompt("what is photosynthesis? explain simply for a 10 year old")).cotElicitation())
                .isLessThan(ContentAnalyzer.POSITIVE);
        assertThat(an.analyze(prompt("Translate to French: the meeting is moved to Tuesday.")).censorshipRewrite())
                .isZero();
    }
}
