using System.Runtime.InteropServices;
using StageGate.Dockerfiles;
using static StageGate.Tests.Dockerfiles.DockerfileAssert;

namespace StageGate.Tests.Dockerfiles;

public class FromArgumentTests
{
    private static string BaseOf(string text, IReadOnlyDictionary<string, string>? buildArgs = null) =>
        Parse(text, buildArgs).Stages[^1].Base;

    [Fact]
    public void A_global_ARG_expands_in_FROM_in_braces()
    {
        Assert.Equal("alpine:3.19", BaseOf("""
            ARG BASE=alpine:3.19
            FROM ${BASE}
            """));
    }

    [Fact]
    public void A_global_ARG_expands_in_FROM_without_braces()
    {
        Assert.Equal("golang:1.22-alpine", BaseOf("""
            ARG GO_VERSION=1.22
            FROM golang:$GO_VERSION-alpine
            """));
    }

    [Fact]
    public void A_colon_dash_default_applies_when_the_ARG_is_unset_or_empty()
    {
        Assert.Equal("alpine:3", BaseOf("""
            ARG EMPTY=
            FROM alpine${EMPTY:-:3}
            """));
        Assert.Equal("alpine:3", BaseOf("FROM alpine${UNSET:-:3}"));
    }

    [Fact]
    public void A_dash_default_applies_only_when_the_ARG_is_unset()
    {
        Assert.Equal("alpine", BaseOf("""
            ARG EMPTY=
            FROM alpine${EMPTY-:3}
            """));
        Assert.Equal("alpine:3", BaseOf("FROM alpine${UNSET-:3}"));
    }

    [Fact]
    public void A_colon_plus_alternative_applies_only_when_the_ARG_is_set_and_not_empty()
    {
        Assert.Equal("alpine:3", BaseOf("""
            ARG PIN=yes
            FROM alpine${PIN:+:3}
            """));
        Assert.Equal("alpine", BaseOf("""
            ARG PIN=
            FROM alpine${PIN:+:3}
            """));
    }

    [Fact]
    public void A_plus_alternative_applies_when_the_ARG_is_set_even_if_empty()
    {
        Assert.Equal("alpine:3", BaseOf("""
            ARG PIN=
            FROM alpine${PIN+:3}
            """));
        Assert.Equal("alpine", BaseOf("FROM alpine${UNSET+:3}"));
    }

    [Fact]
    public void A_build_argument_overrides_the_ARG_default()
    {
        Assert.Equal("debian:bookworm-slim", BaseOf("""
            ARG BASE=alpine:3
            FROM $BASE
            """, Args(("BASE", "debian:bookworm-slim"))));
    }

    [Fact]
    public void A_build_argument_fills_an_ARG_declared_without_a_default()
    {
        Assert.Equal("debian", BaseOf("""
            ARG BASE
            FROM $BASE
            """, Args(("BASE", "debian"))));
    }

    [Fact]
    public void A_build_argument_the_Dockerfile_does_not_declare_is_not_visible_to_FROM()
    {
        Assert.Equal("busybox", BaseOf("FROM ${BASE:-busybox}", Args(("BASE", "debian"))));
    }

    [Fact]
    public void An_ARG_default_can_use_an_earlier_global_ARG()
    {
        Assert.Equal("registry.local/library/alpine", BaseOf("""
            ARG REGISTRY=registry.local
            ARG IMAGE=${REGISTRY}/library/alpine
            FROM $IMAGE
            """));
    }

    [Fact]
    public void Several_ARGs_on_one_line_and_quoted_defaults_expand()
    {
        Assert.Equal("alpine:3 19", BaseOf("""
            ARG NAME=alpine TAG="3 19"
            FROM ${NAME}:${TAG}
            """));
    }

    [Fact]
    public void An_ARG_inside_a_stage_is_not_visible_to_a_later_FROM()
    {
        Assert.Equal("debian", BaseOf("""
            FROM busybox
            ARG NEXT=alpine
            FROM ${NEXT:-debian}
            """));
    }

    [Fact]
    public void Platform_arguments_are_known_without_being_declared()
    {
        var platform = BuildArguments.Platform(RuntimeInformation.OSArchitecture);

        Assert.Equal($"golang:1.22-{platform["TARGETOS"]}-{platform["TARGETARCH"]}", BaseOf("FROM golang:1.22-${TARGETOS}-${TARGETARCH}"));
        Assert.Equal(platform["BUILDPLATFORM"], BaseOf("FROM ${BUILDPLATFORM}"));
    }

    [Fact]
    public void Platform_arguments_describe_the_machine_the_way_docker_names_platforms()
    {
        Assert.Equal(
            ("linux/amd64", "linux", "amd64", ""),
            Describe(BuildArguments.Platform(Architecture.X64)));
        Assert.Equal(
            ("linux/arm/v7", "linux", "arm", "v7"),
            Describe(BuildArguments.Platform(Architecture.Arm)));

        static (string, string, string, string) Describe(Dictionary<string, string> p) =>
            (p["TARGETPLATFORM"], p["BUILDOS"], p["BUILDARCH"], p["TARGETVARIANT"]);
    }

    [Fact]
    public void A_build_argument_overrides_a_platform_argument()
    {
        Assert.Equal("golang:arm64", BaseOf("FROM golang:${TARGETARCH}", Args(("TARGETARCH", "arm64"))));
    }

    [Fact]
    public void Pattern_modifiers_trim_a_prefix_or_a_suffix()
    {
        const string version = "ARG VERSION=v20.11.1\n";

        Assert.Equal("node:20.11.1", BaseOf(version + "FROM node:${VERSION#v}"));
        Assert.Equal("node:v20.11", BaseOf(version + "FROM node:${VERSION%.*}"));
        Assert.Equal("node:v20", BaseOf(version + "FROM node:${VERSION%%.*}"));
    }

    [Fact]
    public void A_FROM_that_expands_to_nothing_is_a_syntax_error_at_its_line()
    {
        var diagnostic = Fails("""
            ARG BASE
            FROM $BASE
            """);

        Assert.Equal(("SG1004", 2), (diagnostic.Code, diagnostic.Line));
    }

    [Fact]
    public void A_required_ARG_that_is_unset_fails_with_its_message()
    {
        var diagnostic = Fails("FROM ${BASE:?set-BASE}");

        Assert.Equal(("SG1004", 1), (diagnostic.Code, diagnostic.Line));
        Assert.Contains("BASE: set-BASE", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_brace_in_FROM_is_a_syntax_error()
    {
        var diagnostic = Fails("""
            ARG TAG=3
            FROM alpine:${TAG
            """);

        Assert.Equal(("SG1004", 2), (diagnostic.Code, diagnostic.Line));
    }
}
