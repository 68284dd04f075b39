package dev.agentos.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.shell.Ast.*;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parser on its own: the tree it builds and the errors it reports, worded as bash's. */
class ParserTest {
    private static Command parse(String src) {
        return Parser.parseAll(src);
    }

    private static SyntaxError error(String src) {
        try {
            parse(src);
        } catch (SyntaxError e) {
            return e;
        }
        throw new AssertionError("parsed: " + src);
    }

    @Test void simpleCommandHasAssignmentsWordsAndRedirections() {
        Simple s = (Simple) parse("A=1 B=2 echo hi >out 2>&1");
        assertThat(s.assigns()).extracting(Assign::name).containsExactly("A", "B");
        assertThat(s.words()).extracting(Word::raw).containsExactly("echo", "hi");
        assertThat(s.redirs()).extracting(Redir::op).containsExactly(">", ">&");
        assertThat(s.redirs().get(1).fd()).isEqualTo(2);
    }

    @Test void andOrIsLeftAssociative() {
        AndOr a = (AndOr) parse("a && b || c");
        assertThat(a.and()).isFalse();
        assertThat(a.left()).isInstanceOf(AndOr.class);
    }

    @Test void pipelineWithBang() {
        Pipeline p = (Pipeline) parse("! a | b | c");
        assertThat(p.bang()).isTrue();
        assertThat(p.cmds()).hasSize(3);
    }

    @Test void compoundCommands() {
        assertThat(parse("if a; then b; elif c; then d; else e; fi")).isInstanceOf(If.class);
        assertThat(parse("while a; do b; done")).isInstanceOf(Loop.class);
        assertThat(parse("for x in 1 2; do :; done")).isInstanceOf(For.class);
        assertThat(parse("for ((i=0;i<3;i++)); do :; done")).isInstanceOf(ArithFor.class);
        assertThat(parse("case x in a|b) :;; *) :;; esac")).isInstanceOf(Case.class);
        assertThat(parse("f() { :; }")).isInstanceOf(FuncDef.class);
        assertThat(parse("[[ a == b ]]")).isInstanceOf(CondCmd.class);
        assertThat(parse("(( x = 1 ))")).isInstanceOf(ArithCmd.class);
        assertThat(parse("( a )")).isInstanceOf(Subshell.class);
        assertThat(parse("{ a; } > f")).isInstanceOf(Redirected.class);
    }

    @Test void wordPartsKeepQuoting() {
        Simple s = (Simple) parse("echo a'b'\"c$x\"$(d)$((1+2))");
        List<Part> parts = s.words().get(1).parts();
        assertThat(parts).hasSize(5);
        assertThat(parts.get(0)).isEqualTo(new Lit("a"));
        assertThat(parts.get(1)).isEqualTo(new Quoted("b"));
        assertThat(parts.get(2)).isInstanceOf(Dq.class);
        assertThat(parts.get(3)).isInstanceOf(CmdSub.class);
        assertThat(parts.get(4)).isInstanceOf(ArithSub.class);
    }

    @Test void braceExpansionHappensAtParseTime() {
        Simple s = (Simple) parse("echo {a,b}{1..2}");
        assertThat(s.words()).extracting(Word::literal).containsExactly("echo", "a1", "a2", "b1", "b2");
    }

    @Test void hereDocumentBodiesAreRead() {
        Simple s = (Simple) parse("cat <<EOF\nline $x\nEOF");
        assertThat(s.redirs().get(0).heredoc().body).isEqualTo("line $x\n");
        assertThat(s.redirs().get(0).heredoc().expand).isTrue();
        Simple q = (Simple) parse("cat <<'E'\n$y\nE");
        assertThat(q.redirs().get(0).heredoc().expand).isFalse();
    }

    @Test void parameterExpansionOperators() {
        Simple s = (Simple) parse("echo ${x:-d} ${#y} ${z//a/b} ${w:1:2} ${!v}");
        assertThat(s.words().subList(1, 6)).extracting(w -> ((Param) w.parts().get(0)).op())
                .containsExactly(":-", "#len", "//", ":", "!ind");
    }

    @Test void unexpectedTokenNamesTheToken() {
        SyntaxError e = error("echo )");
        assertThat(e.getMessage()).isEqualTo("syntax error near unexpected token `)'");
        assertThat(e.line).isEqualTo(1);
        assertThat(e.lineText).isEqualTo("echo )");
    }

    @Test void missingFiIsUnexpectedEndOfFile() {
        SyntaxError e = error("if true; then echo");
        assertThat(e.getMessage()).isEqualTo("syntax error: unexpected end of file");
        assertThat(e.line).isEqualTo(2);
    }

    @Test void unterminatedQuotes() {
        assertThat(error("echo 'abc").getMessage()).isEqualTo("unexpected EOF while looking for matching `''");
        assertThat(error("echo \"abc").getMessage()).isEqualTo("unexpected EOF while looking for matching `\"'");
    }

    @Test void reservedWordOutOfPlace() {
        assertThat(error("done").getMessage()).isEqualTo("syntax error near unexpected token `done'");
        assertThat(error("while true; done").getMessage()).isEqualTo("syntax error near unexpected token `done'");
    }

    @Test void redirectionWithoutTarget() {
        assertThat(error("echo >").getMessage()).isEqualTo("syntax error near unexpected token `newline'");
    }

    @Test void errorOnLaterLineReportsThatLine() {
        Parser p = new Parser("echo a\necho b\necho )");
        p.next();
        p.next();
        assertThatThrownBy(p::next).isInstanceOfSatisfying(SyntaxError.class, e -> assertThat(e.line).isEqualTo(3));
    }
}
