/**
 * diff, cmp and patch, matching GNU diffutils 3.8 and GNU patch 2.7.6 in output, options and exit codes.
 *
 * <p>Provenance: to produce the same hunks as GNU diff, the comparison ({@code MiddleSnake},
 * {@code Discards}, {@code LineClasses}, the boundary shifting in {@code EditScript}) follows GNU
 * diffutils' {@code analyze.c}, {@code io.c} and gnulib's {@code diffseq.h} step by step. Those files
 * are GPL-3.0-or-later, so this package should be treated as a derived work under that license until
 * the project decides otherwise (see the issue note of 2026-11-24).
 */
package dev.agentos.commands.diff;
