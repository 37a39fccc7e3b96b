import BeaconCore
import Testing

@Suite struct XMLEscapingTests {
    @Test func textKeepsQuotesAndLineBreaksAndDropsWhatXMLCannotHold() {
        #expect(xmlEscaped("a < b && \"c\" > 'd'\n\te") == "a &lt; b &amp;&amp; \"c\" &gt; 'd'\n\te")
        #expect(xmlEscaped("bell\u{07}, nul\u{00}, \u{FFFE}\u{FFFF}ok") == "bell, nul, ok")
    }

    @Test func attributesEscapeQuotesAndKeepWhitespaceThroughNormalisation() {
        #expect(xmlEscaped("say \"hi\" & 'bye'", attribute: true) == "say &quot;hi&quot; &amp; &apos;bye&apos;")
        #expect(xmlEscaped("one\ntwo\tthree\r", attribute: true) == "one&#10;two&#9;three&#13;")
    }
}
