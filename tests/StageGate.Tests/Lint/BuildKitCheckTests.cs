namespace StageGate.Tests.Lint;

/// <summary>
/// BuildKit's build checks on the cases of BuildKit's documentation and lint tests: same rule, same line, same words.
/// </summary>
public class BuildKitCheckTests
{
    [Fact]
    public void StageNameCasing_reports_an_upper_case_stage_name_at_its_FROM()
    {
        var findings = Lints.Of("StageNameCasing", """
            FROM scratch AS BadStageName
            FROM scratch AS goodstage
            """);

        Assert.Equal([(1, "Stage name 'BadStageName' should be lowercase")], findings);
    }

    [Fact]
    public void FromAsCasing_reports_a_lower_case_as_after_an_upper_case_FROM_and_the_reverse()
    {
        var findings = Lints.Of("FromAsCasing", """
            FROM debian:12 as builder
            from debian:12 AS other
            FROM debian:12 AS good
            from debian:12 as alsogood
            From debian:12 as mixed
            """);

        Assert.Equal(
            [(1, "'as' and 'FROM' keywords' casing do not match"), (2, "'AS' and 'from' keywords' casing do not match")],
            findings);
    }

    [Fact]
    public void DuplicateStageName_reports_the_second_stage_of_a_name_compared_without_case()
    {
        var findings = Lints.Of("DuplicateStageName", """
            FROM debian:12 AS builder
            RUN true
            FROM golang:1.23 AS Builder
            """);

        Assert.Equal([(3, "Duplicate stage name \"builder\", stage names should be unique")], findings);
    }

    [Fact]
    public void ReservedStageName_reports_stages_named_scratch_or_context()
    {
        var findings = Lints.Of("ReservedStageName", """
            FROM busybox:1.36 AS scratch
            FROM busybox:1.36 AS context
            FROM busybox:1.36 AS app
            """);

        Assert.Equal(
            [(1, "Stage name should not use the same name as reserved stage \"scratch\""), (2, "Stage name should not use the same name as reserved stage \"context\"")],
            findings);
    }

    [Fact]
    public void UndefinedArgInFrom_reports_an_undeclared_variable_and_suggests_the_declared_one()
    {
        var findings = Lints.Of("UndefinedArgInFrom", """
            ARG VERSION=3.20
            FROM alpine:$VERSOIN
            FROM --platform=$BULIDPLATFORM alpine:$VERSION
            FROM --platform=$BUILDPLATFORM alpine:${VERSION}
            """);

        Assert.Equal(
            [(2, "FROM argument 'VERSOIN' is not declared (did you mean VERSION?)"), (3, "FROM argument 'BULIDPLATFORM' is not declared (did you mean BUILDPLATFORM?)")],
            findings);
    }

    [Fact]
    public void UndefinedArgInFrom_accepts_a_declared_ARG_without_a_default()
    {
        Assert.Empty(Lints.Of("UndefinedArgInFrom", """
            ARG IMAGE
            FROM $IMAGE
            """));
    }

    [Fact]
    public void InvalidDefaultArgInFrom_reports_a_FROM_that_only_builds_with_a_build_argument()
    {
        var findings = Lints.Of("InvalidDefaultArgInFrom", """
            ARG TAG
            ARG IMAGE
            FROM busybox:${TAG}
            FROM $IMAGE
            """);

        Assert.Equal(
            [(3, "Default value for ARG busybox:${TAG} results in empty or invalid base image name"), (4, "Default value for ARG $IMAGE results in empty or invalid base image name")],
            findings);
    }

    [Fact]
    public void InvalidDefaultArgInFrom_accepts_defaults_that_make_an_image_or_name_a_stage()
    {
        Assert.Empty(Lints.Of("InvalidDefaultArgInFrom", """
            ARG TAG=1.36
            ARG BASE=builder
            FROM busybox:${TAG} AS builder
            FROM ${BASE}
            FROM busybox:${TAG:-latest}
            """));
    }

    [Fact]
    public void RedundantTargetPlatform_reports_FROM_platform_TARGETPLATFORM_in_either_spelling()
    {
        var findings = Lints.Of("RedundantTargetPlatform", """
            FROM --platform=$TARGETPLATFORM alpine:3.20 AS a
            FROM --platform=${TARGETPLATFORM} alpine:3.20 AS b
            FROM --platform=$BUILDPLATFORM alpine:3.20 AS c
            """);

        Assert.Equal(
            [(1, "Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior"),
             (2, "Setting platform to predefined ${TARGETPLATFORM} in FROM is redundant as this is the default behavior")],
            findings);
    }

    [Fact]
    public void FromPlatformFlagConstDisallowed_reports_a_constant_platform_unless_the_stage_is_named_for_it()
    {
        var findings = Lints.Of("FromPlatformFlagConstDisallowed", """
            FROM --platform=linux/amd64 alpine:3.20 AS base
            FROM --platform=linux/amd64 alpine:3.20 AS build_amd64
            FROM --platform=$BUILDPLATFORM alpine:3.20 AS cross
            """);

        Assert.Equal([(1, "FROM --platform flag should not use constant value \"linux/amd64\"")], findings);
    }

    [Fact]
    public void JSONArgsRecommended_reports_shell_form_CMD_and_ENTRYPOINT()
    {
        var findings = Lints.Of("JSONArgsRecommended", """
            FROM alpine:3.20
            ENTRYPOINT my-program start
            CMD ["--verbose"]
            FROM alpine:3.20
            CMD echo hello
            """);

        Assert.Equal(
            [(2, "JSON arguments recommended for ENTRYPOINT to prevent unintended behavior related to OS signals"),
             (5, "JSON arguments recommended for CMD to prevent unintended behavior related to OS signals")],
            findings);
    }

    [Fact]
    public void JSONArgsRecommended_leaves_a_stage_with_an_explicit_SHELL_alone()
    {
        Assert.Empty(Lints.Of("JSONArgsRecommended", """
            FROM alpine:3.20
            SHELL ["/bin/bash", "-c"]
            CMD echo hello
            """));
    }

    [Fact]
    public void MultipleInstructionsDisallowed_reports_each_overridden_instruction_not_the_last()
    {
        var findings = Lints.Of("MultipleInstructionsDisallowed", """
            FROM alpine:3.20
            ENTRYPOINT ["/myapp"]
            ENTRYPOINT ["/myotherapp"]
            CMD ["a"]
            FROM alpine:3.20
            CMD ["b"]
            """);

        Assert.Equal([(2, "Multiple ENTRYPOINT instructions should not be used in the same stage because only the last one will be used")], findings);
    }

    [Fact]
    public void LegacyKeyValueFormat_reports_ENV_and_LABEL_with_a_space_separator()
    {
        var findings = Lints.Of("LegacyKeyValueFormat", """
            FROM alpine:3.20
            ENV DEPS curl git make
            ENV GOOD=yes
            LABEL maintainer someone
            LABEL org.opencontainers.image.title="app"
            """);

        Assert.Equal(
            [(2, "\"ENV key=value\" should be used instead of legacy \"ENV key value\" format"),
             (4, "\"LABEL key=value\" should be used instead of legacy \"LABEL key value\" format")],
            findings);
    }

    [Fact]
    public void WorkdirRelativePath_reports_a_relative_WORKDIR_until_an_absolute_one_is_set_in_the_stage_or_its_base()
    {
        var findings = Lints.Of("WorkdirRelativePath", """
            FROM alpine:3.20 AS base
            WORKDIR app
            FROM alpine:3.20 AS rooted
            WORKDIR /usr/src
            WORKDIR app
            FROM rooted
            WORKDIR more
            """);

        Assert.Equal([(2, "Relative workdir \"app\" can have unexpected results if the base image changes")], findings);
    }

    [Fact]
    public void UndefinedVar_reports_a_typo_of_a_defined_variable_and_a_global_ARG_not_declared_in_the_stage()
    {
        var findings = Lints.Of("UndefinedVar", """
            ARG VERSION=1
            FROM alpine:3.20
            ENV PATH=$PAHT:/opt/bin
            COPY app-$VERSION.tar /app/
            """);

        Assert.Equal(
            [(3, "Usage of undefined variable '$PAHT' (did you mean $PATH?)"), (4, "Usage of undefined variable '$VERSION'")],
            findings);
    }

    [Fact]
    public void UndefinedVar_trusts_an_image_based_stage_to_define_variables_it_cannot_see()
    {
        // node's image sets NODE_VERSION; BuildKit reads the image config, StageGate offline does not guess.
        Assert.Empty(Lints.Of("UndefinedVar", """
            ARG VERSION=1
            FROM node:22-slim
            ARG VERSION
            ENV LABEL_VERSION=$NODE_VERSION APP=$VERSION
            WORKDIR /app/$VERSION
            """));
    }

    [Fact]
    public void UndefinedVar_reports_any_undefined_variable_in_a_stage_built_from_scratch()
    {
        Assert.Equal([2], Lints.Lines("UndefinedVar", """
            FROM scratch
            COPY $BINARY /app
            """));
    }

    [Fact]
    public void SecretsUsedInArgOrEnv_reports_secret_names_in_ARG_and_ENV()
    {
        var findings = Lints.Of("SecretsUsedInArgOrEnv", """
            ARG AWS_SECRET_ACCESS_KEY
            FROM alpine:3.20
            ENV API_TOKEN=x
            ARG password
            """);

        Assert.Equal(
            [(1, "Do not use ARG or ENV instructions for sensitive data (ARG \"AWS_SECRET_ACCESS_KEY\")"),
             (3, "Do not use ARG or ENV instructions for sensitive data (ENV \"API_TOKEN\")"),
             (4, "Do not use ARG or ENV instructions for sensitive data (ARG \"password\")")],
            findings);
    }

    [Fact]
    public void SecretsUsedInArgOrEnv_leaves_names_that_point_at_a_secret_or_hold_a_public_key_alone()
    {
        // python's official image sets GPG_KEY to a public key's fingerprint; BuildKit flags it, StageGate does not.
        Assert.Empty(Lints.Of("SecretsUsedInArgOrEnv", """
            FROM python:3.12-slim
            ENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D
            ARG TOKEN_URL=https://example.invalid/token
            ENV SECRET_FILE=/run/secrets/api PUBLIC_KEY=abc KEYBOARD=us MONKEY=1
            """));
    }
}
