import Foundation
import Testing

/// Compressed and WARC inputs, compressed outputs, pipeline fields and --progress, through the
/// built binary. Fixtures are made with the system's gzip and zstd.
@Suite("Command line: containers")
struct ContainerCLITests {
    static let text = "The museum reopened today after two years of repairs. El museo reabrió hoy tras dos años de obras.\nVisitors queued along the river to see the restored paintings.\n"

    /// A WET file as Common Crawl ships it: one gzip member per record, warcinfo first.
    static func wetFile() throws -> String {
        let path = CLI.temporaryFile("example.warc.wet.gz")
        func record(_ type: String, _ headers: String, _ body: String) -> String {
            "WARC/1.0\r\nWARC-Type: \(type)\r\n\(headers)Content-Length: \(body.utf8.count)\r\n\r\n\(body)\r\n\r\n"
        }
        let records = [
            record("warcinfo", "WARC-Date: 2024-04-25T04:37:08Z\r\n", "isPartOf: CC-MAIN-2024-18\r\n"),
            record("conversion", "WARC-Target-URI: https://example.org/en\r\nWARC-Date: 2024-04-12T20:01:42Z\r\nWARC-Record-ID: <urn:uuid:1>\r\nWARC-Identified-Content-Language: eng\r\n",
                   "Skip to content\nThe city council met on Tuesday to discuss the new budget for public libraries.\nMembers agreed to keep the branches open on Sundays.\n"),
            record("conversion", "WARC-Target-URI: https://example.org/es\r\nWARC-Date: 2024-04-12T20:02:42Z\r\nWARC-Record-ID: <urn:uuid:2>\r\nWARC-Identified-Content-Language: spa\r\n",
                   "El ayuntamiento aprobó ayer el presupuesto para las bibliotecas públicas.\nLas sucursales abrirán también los domingos.\n"),
        ]
        var command = ": > '\(path)'"
        for (index, record) in records.enumerated() {
            let recordPath = CLI.temporaryFile("record-\(index)")
            try record.write(toFile: recordPath, atomically: true, encoding: .utf8)
            command += " && gzip -c '\(recordPath)' >> '\(path)'"
        }
        _ = try CLI.shell(command)
        return path
    }

    @Test("a gzip file gives the same output as the plain text")
    func gzipFile() throws {
        let path = CLI.temporaryFile("input.txt")
        try Self.text.write(toFile: path, atomically: true, encoding: .utf8)
        let plain = try CLI.shell("tamiz keep en '\(path)'")
        let compressed = try CLI.shell("gzip -c '\(path)' > '\(path).gz' && tamiz keep en '\(path).gz'")
        #expect(compressed.status == 0)
        #expect(compressed.output == plain.output)
        #expect(plain.output.contains("The museum reopened today"))
    }

    @Test("TAMIZ_GZIP_DECODER=zlib gives the same output; an unknown decoder is a usage error")
    func gzipDecoderFromEnvironment() throws {
        let path = CLI.temporaryFile("decoder.txt")
        try Self.text.write(toFile: path, atomically: true, encoding: .utf8)
        let automatic = try CLI.shell("gzip -c '\(path)' > '\(path).gz' && tamiz keep en '\(path).gz'")
        let zlib = try CLI.shell("TAMIZ_GZIP_DECODER=zlib tamiz keep en '\(path).gz'")
        #expect(zlib.status == 0)
        #expect(zlib.output == automatic.output)
        let unknown = try CLI.shell("TAMIZ_GZIP_DECODER=pigz tamiz keep en '\(path).gz'")
        #expect(unknown.status == 2)
        #expect(unknown.error.contains("TAMIZ_GZIP_DECODER must be 'zlib' or 'isal'"))
    }

    @Test("zstd on standard input is recognised without a flag")
    func zstdStandardInput() throws {
        let result = try CLI.shell("zstd -q -c | tamiz keep es", input: Self.text)
        #expect(result.status == 0)
        #expect(result.output == "El museo reabrió hoy tras dos años de obras.\n")
    }

    @Test("a truncated gzip input exits 1 naming the file and offset, after writing what came before")
    func truncatedGzip() throws {
        let path = CLI.temporaryFile("long.txt")
        // Numbered lines, so that 3,000 compressed bytes are well inside the stream.
        let lines = (1...5000).map { "Line \($0): the museum reopened after \($0 * 7) days of repairs." }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CLI.shell("gzip -c '\(path)' | head -c 3000 > '\(path).gz'; tamiz label --unit line '\(path).gz'")
        #expect(result.status == 1)
        #expect(result.error.contains("'\(path).gz' at byte 3000: gzip data ends inside a member"))
        #expect(result.output.hasPrefix("en\t"))
    }

    @Test("a WET file's conversion records become JSON Lines documents; warcinfo is counted")
    func wetDocuments() throws {
        let path = try Self.wetFile()
        let result = try CLI.shell("tamiz keep en --stats '\(path)'")
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        try #require(lines.count == 1)
        let document = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as! [String: Any]
        #expect(document["url"] as? String == "https://example.org/en")
        #expect(document["warc_language"] as? String == "eng")
        #expect(document["text"] as? String == "The city council met on Tuesday to discuss the new budget for public libraries.\nMembers agreed to keep the branches open on Sundays.")
        #expect(result.error.contains("WARC records skipped: 1\n  warcinfo: 1"))
    }

    @Test("--language-fields adds the language and language_score members datatrove reads")
    func languageFields() throws {
        let result = try CLI.shell("tamiz label --language-fields '\(try Self.wetFile())'")
        let documents = try result.output.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        #expect(documents.map { $0["language"] as? String } == ["en", "es"])
        #expect(documents.map { $0["language_score"] as? Double } == [1.0, 1.0])
    }

    @Test("--attributes writes one row per document with language spans in code points of its text")
    func dolmaAttributes() throws {
        let path = CLI.temporaryFile("attributes.jsonl")
        let text = "El museo reabrió hoy tras dos años de obras. The museum reopened today."
        let input = #"{"id":"doc-1","text":"\#(text)"}"# + "\nnot a record\n"
        let result = try CLI.shell("tamiz keep en --jsonl --attributes '\(path)'", input: input)
        #expect(result.status == 0)
        let rows = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(rows.count == 2)
        let first = try JSONSerialization.jsonObject(with: Data(rows[0].utf8)) as! [String: Any]
        #expect(first["id"] as? String == "doc-1")
        let attributes = first["attributes"] as! [String: [[Double]]]
        let scalars = Array(text.unicodeScalars)
        func covered(_ name: String) -> [String] {
            attributes[name]!.map { String(String.UnicodeScalarView(scalars[Int($0[0])..<Int($0[1])])) }
        }
        #expect(covered("tamiz__tamiz__es") == ["El museo reabrió hoy tras dos años de obras."])
        #expect(covered("tamiz__tamiz__en") == ["The museum reopened today."])
        #expect(rows[1] == #"{"id":null,"attributes":{}}"#)
    }

    @Test("route paths ending in .gz and .zst are written compressed")
    func compressedRoute() throws {
        let en = CLI.temporaryFile("en.txt.gz"), es = CLI.temporaryFile("es.txt.zst")
        let result = try CLI.shell("tamiz route --en '\(en)' --es '\(es)' && gzip -dc '\(en)' && zstd -q -dc '\(es)'", input: Self.text)
        #expect(result.status == 0)
        #expect(result.output == "The museum reopened today after two years of repairs.\nVisitors queued along the river to see the restored paintings.\nEl museo reabrió hoy tras dos años de obras.\n")
    }

    @Test("--compress zstd compresses standard output")
    func compressStandardOutput() throws {
        let result = try CLI.shell("tamiz keep es --compress zstd | zstd -q -dc", input: Self.text)
        #expect(result.status == 0)
        #expect(result.output == "El museo reabrió hoy tras dos años de obras.\n")
    }

    @Test("a malformed WARC record is reported with its offset and the others are read")
    func malformedWARCRecord() throws {
        let warc = "WARC/1.0\r\nWARC-Type: conversion\r\nContent-Length: many\r\n\r\nTexto.\r\n\r\n"
            + "WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: https://example.org/ok\r\nContent-Length: 27\r\n\r\nThe museum reopened today.\n\r\n\r\n"
        let result = try CLI.shell("tamiz keep en", input: warc)
        #expect(result.status == 0)
        #expect(result.error.contains("malformed WARC record at byte 0 of the WARC stream: missing or invalid Content-Length"))
        #expect(result.output.contains("https://example.org/ok"))
    }

    @Test("--progress on a terminal redraws one line in place and ends it once")
    func progressOnTerminal() throws {
        let path = CLI.temporaryFile("progress.txt")
        try String(repeating: Self.text, count: 200).write(toFile: path, atomically: true, encoding: .utf8)
        // A pipe that delivers the text in three parts 1.5 s apart (more than tamiz needs to
        // start), while script(1) gives tamiz a pseudo-terminal as standard error.
        let command = "(cat '\(path)'; sleep 1.5; cat '\(path)'; sleep 1.5; cat '\(path)') | '\(CLI.binary.path)' keep en --progress > /dev/null"
        let result = try CLI.shell("script -qfec \"\(command)\" /dev/null")
        #expect(result.status == 0)
        let drawn = result.output.components(separatedBy: "\r\u{1B}[K").dropFirst()
        #expect(drawn.count >= 3)
        #expect(drawn.dropLast().allSatisfy { $0.hasPrefix("tamiz: ") && !$0.contains("\n") })
        #expect(drawn.last?.contains("1200 lines, 0:00:0") == true)
        #expect(drawn.last?.hasSuffix("\r\n") == true)
    }
}
