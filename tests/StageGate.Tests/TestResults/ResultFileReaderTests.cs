using System.Text;
using StageGate.TestResults;

namespace StageGate.Tests.TestResults;

public sealed class ResultFileReaderTests
{
    private const string Trx = """
        <?xml version="1.0" encoding="utf-8"?>
        <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
          <Results>
            <UnitTestResult testId="a" testName="Adds" outcome="Passed" duration="00:00:00.0100000" />
            <UnitTestResult testId="b" testName="Divides" outcome="Failed">
              <Output><ErrorInfo>
                <Message>Assert.Equal() Failure: Expected 2, Actual 3</Message>
                <StackTrace>   at Calc.Tests.CalcTests.Divides() in /src/tests/CalcTests.cs:line 17</StackTrace>
              </ErrorInfo></Output>
            </UnitTestResult>
            <UnitTestResult testId="c" testName="Later" outcome="NotExecuted" />
          </Results>
          <TestDefinitions>
            <UnitTest id="b"><TestMethod className="Calc.Tests.CalcTests" name="Divides" /></UnitTest>
          </TestDefinitions>
        </TestRun>
        """;

    private const string JUnit = """
        <testsuites>
          <testsuite name="calc">
            <testcase classname="tests.test_calc" name="test_add" time="0.01" />
            <testcase classname="tests.test_calc" name="test_div" time="0.02">
              <failure message="assert 3 == 2">tests/test_calc.py:9: AssertionError</failure>
            </testcase>
            <testcase classname="tests.test_calc" name="test_later"><skipped /></testcase>
          </testsuite>
        </testsuites>
        """;

    [Fact]
    public void A_trx_file_gives_each_test_with_its_outcome_message_and_stack_trace()
    {
        var file = ResultFileReader.Parse("r.trx", Encoding.UTF8.GetBytes(Trx))!;

        Assert.Equal("1 passed, 1 failed, 1 skipped", TestCounts.Of(file.Tests).ToString());
        var failed = Assert.Single(file.Tests, t => t.Outcome == TestCaseOutcome.Failed);
        Assert.Equal("Calc.Tests.CalcTests.Divides", failed.FullName);
        Assert.Equal("Assert.Equal() Failure: Expected 2, Actual 3", failed.Message);
        Assert.Contains("/src/tests/CalcTests.cs:line 17", failed.StackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public void A_junit_file_counts_failures_and_skips_and_keeps_the_failure_message()
    {
        var file = ResultFileReader.Parse("junit.xml", Encoding.UTF8.GetBytes(JUnit))!;

        Assert.Equal("1 passed, 1 failed, 1 skipped", TestCounts.Of(file.Tests).ToString());
        var failed = Assert.Single(file.Tests, t => t.Outcome == TestCaseOutcome.Failed);
        Assert.Equal("tests.test_calc.test_div", failed.FullName);
        Assert.Equal("assert 3 == 2", failed.Message);
    }

    [Fact]
    public void A_file_with_a_dtd_is_a_problem_not_an_entity_expansion()
    {
        const string bomb = """<?xml version="1.0"?><!DOCTYPE t [<!ENTITY a "aaaaaaaaaa">]><testsuite><testcase name="&a;" /></testsuite>""";

        var file = ResultFileReader.Parse("junit.xml", Encoding.UTF8.GetBytes(bomb))!;

        Assert.False(file.Readable);
        Assert.Empty(file.Tests);
    }

    [Fact]
    public void Text_that_is_not_xml_is_a_problem_named_for_the_file()
    {
        var file = ResultFileReader.Parse("results.xml", Encoding.UTF8.GetBytes("<testsuite><testcase"))!;

        Assert.StartsWith("is not well-formed XML", file.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_xml_file_of_another_tool_is_left_alone()
    {
        Assert.Null(ResultFileReader.Parse("coverage.xml", Encoding.UTF8.GetBytes("<coverage line-rate=\"1\" />")));
    }

    [Fact]
    public void A_file_over_the_cap_is_a_problem_not_read_into_memory()
    {
        var path = Path.GetTempFileName();
        try
        {
            using (var stream = File.OpenWrite(path))
            {
                stream.SetLength(ResultFileReader.Limit.Bytes + 1L);
            }

            var file = ResultFileReader.Read(path)!;

            Assert.Contains("larger than 32 MiB", file.Problem, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
