import Testing
@testable import HTML

@Suite struct RenderingTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("<script>alert('x')</script>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
        ("Tom & \"Jerry\"", "Tom &amp; &quot;Jerry&quot;"),
        ("été à l'école", "été à l&#39;école"),
        ("", ""),
    ])
    func text_isEscaped(input: String, expected: String) {
        #expect(Node.text(input).render() == expected)
    }

    @Test func attributeValue_cannotBreakOutOfItsQuotes() {
        let node = Node.a([.href("\" onmouseover=\"alert(1)")], ["x"])
        #expect(node.render() == "<a href=\"&quot; onmouseover=&quot;alert(1)\">x</a>")
    }

    @Test func raw_isWrittenAsGiven() {
        #expect(Node.p([], [.raw("<em>ok</em>")]).render() == "<p><em>ok</em></p>")
    }

    @Test func voidElements_haveNoEndTag_andBooleanAttributesNoValue() {
        let node = Node.input([.type("checkbox"), .name("jour"), .checked])
        #expect(node.render() == "<input type=\"checkbox\" name=\"jour\" checked>")
        #expect(Node.br.render() == "<br>")
    }

    @Test func nestedTree_rendersInOrder() {
        let node = Node.fragment([.doctype, .el("html", [.lang("fr")], [.h1([], ["Bonjour"]), .when(false, "caché")])])
        #expect(node.render() == "<!DOCTYPE html><html lang=\"fr\"><h1>Bonjour</h1></html>")
    }

    @Test func writer_writesWhatTheSameNodesRender() {
        let nodes = Node.div([.class("slot"), .aria("label", "« l'été » & <co>")], [
            .p([], [.text("Tom & \"Jerry\"")]),
            .input([.type("checkbox"), .checked]),
        ])
        let written = Node.written { w in
            w.element("div", [.class("slot"), .aria("label", "« l'été » & <co>")]) { w in
                w.element("p") { w in
                    w.text("Tom & ")
                    w.text("\"Jerry\"")
                }
                w.voidElement("input", [.type("checkbox"), .checked])
            }
        }
        #expect(written.render() == nodes.render())
        #expect(Node.p([], [written]).render() == "<p>" + nodes.render() + "</p>")
    }
}
