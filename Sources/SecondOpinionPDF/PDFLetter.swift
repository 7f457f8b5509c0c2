import CPangoCairo
import Foundation
import SecondOpinionCore
import SecondOpinionLetters

/// Typesets a `LetterModel` as an A4, print-ready PDF with cairo and pango:
/// DejaVu Sans (fonts-dejavu-core) with pango's font fallback for any script
/// a patient types, a tagged structure (H1, H2, P, L/LI) for screen readers,
/// an outline of the headings, the title, subject and creation date in the
/// document information, and the record id with "page N of M" on every page.
///
/// The output is deterministic for a record: the creation date is the
/// record's own, so the same record always gives the same bytes (the MESH
/// message that carries it can be rebuilt byte for byte).
public enum PDFLetter {
  /// A4 in PostScript points.
  static let pageWidth = 595.276
  static let pageHeight = 841.89
  static let margin = 42.5  // 15 mm
  static let headerHeight = 18.0
  static let footerHeight = 18.0

  /// Failure from cairo.
  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  /// Installs this typesetter for `LetterRenderer`'s `.pdf` format.
  public static func install() {
    LetterTypesetter.install { model, record in
      try render(model, recordID: record.id, createdAt: record.createdAt)
    }
  }

  /// The PDF bytes of a letter.
  public static func render(_ model: LetterModel, recordID: String, createdAt: String) throws -> Data {
    let blocks = Self.blocks(of: model)
    let sink = ByteSink()
    let unmanaged = Unmanaged.passRetained(sink)
    defer { unmanaged.release() }
    guard
      let surface = cairo_pdf_surface_create_for_stream(
        { closure, bytes, length in
          guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
          Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().data.append(bytes, count: Int(length))
          return CAIRO_STATUS_SUCCESS
        }, unmanaged.toOpaque(), pageWidth, pageHeight)
    else { throw Failure(description: "cairo could not make a PDF surface") }
    defer { cairo_surface_destroy(surface) }
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, "\(model.title) (\(recordID))")
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, model.title)
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, "second-opinion intake")
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "second-opinion")
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_KEYWORDS, recordID)
    let stamp = pdfDate(createdAt)
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, stamp)
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, stamp)

    guard let cr = cairo_create(surface) else { throw Failure(description: "cairo could not make a context") }
    defer { cairo_destroy(cr) }
    let typesetter = Typesetter(cr: cr, surface: surface, recordID: recordID, title: model.title)
    try typesetter.typeset(blocks)
    cairo_surface_finish(surface)
    let status = cairo_surface_status(surface)
    guard status == CAIRO_STATUS_SUCCESS else {
      throw Failure(description: "cairo: " + String(cString: cairo_status_to_string(status)))
    }
    return sink.data
  }

  /// cairo's date form (ISO 8601) from the record's timestamp.
  static func pdfDate(_ iso: String) -> String {
    iso.count >= 19 ? String(iso.prefix(19)) + "Z" : "2000-01-01T00:00:00Z"
  }

  // MARK: - Blocks

  enum Style {
    case title, subtitle, banner, heading, body, small
    case entry(labelBytes: Int)
    case item(number: Int)
  }

  struct Block {
    var text: String
    var style: Style
    /// The structure tag the block is wrapped in.
    var tag: String
    /// Space above the block, in points.
    var spaceBefore: Double
    /// Keep with the next block on a page (headings).
    var keepWithNext = false
    /// An outline entry for the block (headings).
    var outline = false
  }

  static func blocks(of model: LetterModel) -> [Block] {
    var blocks: [Block] = [
      Block(text: clean(model.title), style: .title, tag: "H1", spaceBefore: 0, outline: true),
      Block(text: clean(model.subtitle), style: .subtitle, tag: "P", spaceBefore: 4),
    ]
    if let banner = model.banner {
      let text = clean(model.bannerTitle ?? "") + ": " + clean(banner)
      blocks.append(Block(text: text, style: .banner, tag: "P", spaceBefore: 10))
    }
    for section in model.sections {
      blocks.append(
        Block(
          text: clean(section.title), style: .heading, tag: "H2", spaceBefore: 8, keepWithNext: true, outline: true))
      for entry in section.entries {
        let label = clean(entry.label) + ": "
        blocks.append(
          Block(
            text: label + clean(entry.value), style: .entry(labelBytes: label.utf8.count), tag: "P", spaceBefore: 1.5))
      }
      if let label = section.itemsLabel, !section.items.isEmpty {
        let text = clean(label) + ":"
        blocks.append(Block(text: text, style: .entry(labelBytes: text.utf8.count), tag: "P", spaceBefore: 1.5))
      }
      for (index, item) in section.items.enumerated() {
        blocks.append(Block(text: clean(item), style: .item(number: index + 1), tag: "LI", spaceBefore: 1.5))
      }
      if section.entries.isEmpty, section.items.isEmpty, let empty = section.empty {
        blocks.append(Block(text: clean(empty), style: .body, tag: "P", spaceBefore: 1.5))
      }
    }
    blocks.append(Block(text: clean(model.disclaimer), style: .small, tag: "P", spaceBefore: 10))
    return blocks
  }

  /// Text pango can lay out: no control characters but line breaks and tabs.
  static func clean(_ text: String) -> String {
    String(
      String.UnicodeScalarView(
        text.unicodeScalars.map { scalar in
          if scalar == "\n" || scalar == "\t" { return scalar }
          if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { return " " }
          if (0xD800...0xDFFF).contains(scalar.value) { return "\u{FFFD}" }
          return scalar
        }))
  }
}

/// Collects the PDF bytes cairo writes.
final class ByteSink {
  var data = Data()
}

/// Lays out blocks line by line over as many pages as they need.
final class Typesetter {
  let cr: OpaquePointer
  let surface: OpaquePointer
  let recordID: String
  let title: String
  let contentWidth = PDFLetter.pageWidth - 2 * PDFLetter.margin
  let top = PDFLetter.margin + PDFLetter.headerHeight
  let bottom = PDFLetter.pageHeight - PDFLetter.margin - PDFLetter.footerHeight

  init(cr: OpaquePointer, surface: OpaquePointer, recordID: String, title: String) {
    self.cr = cr
    self.surface = surface
    self.recordID = recordID
    self.title = title
  }

  /// One line placed on a page.
  struct Placed {
    var block: Int
    var line: Int
    var page: Int
    var baseline: Double
    var x: Double
  }

  func typeset(_ blocks: [PDFLetter.Block]) throws {
    let layouts = blocks.map { makeLayout($0) }
    defer {
      for layout in layouts { g_object_unref(UnsafeMutableRawPointer(layout)) }
    }

    // Pass 1: place every line, so the page count is known for the footers.
    var placed: [Placed] = []
    var page = 0
    var y = top
    for (index, block) in blocks.enumerated() {
      let layout = layouts[index]
      let lines = Int(pango_layout_get_line_count(layout))
      y += block.spaceBefore
      if block.keepWithNext, index + 1 < blocks.count {
        // A heading moves to the next page with the first line under it.
        let need = height(layout) + firstLineHeight(layouts[index + 1]) + blocks[index + 1].spaceBefore
        if y + need > bottom, y > top + 1 {
          page += 1
          y = top
        }
      }
      let indent = self.indent(block.style)
      for line in 0..<lines {
        guard let layoutLine = pango_layout_get_line_readonly(layout, Int32(line)) else { continue }
        var ink = PangoRectangle()
        var logical = PangoRectangle()
        pango_layout_line_get_extents(layoutLine, &ink, &logical)
        let lineHeight = Double(logical.height) / Double(PANGO_SCALE) * lineSpacing(block.style)
        if y + lineHeight > bottom, y > top + 1 {
          page += 1
          y = top
        }
        let baseline = y + Double(-logical.y) / Double(PANGO_SCALE)
        placed.append(Placed(block: index, line: line, page: page, baseline: baseline, x: PDFLetter.margin + indent))
        y += lineHeight
      }
    }
    let pageCount = page + 1

    // Pass 2: draw, one structure element per block and page.
    cairo_tag_begin(cr, "Document", "")
    var current = 0
    var openBlock: Int?
    var listOpen = false
    var outlineIDs: [Int32] = []
    drawPageFurniture(page: 0, of: pageCount)
    for spot in placed {
      if spot.page != current {
        if let block = openBlock { endTag(blocks[block]) }
        openBlock = nil
        if listOpen {
          cairo_tag_end(cr, "L")
          listOpen = false
        }
        cairo_show_page(cr)
        current = spot.page
        drawPageFurniture(page: current, of: pageCount)
      }
      if openBlock != spot.block {
        if let block = openBlock { endTag(blocks[block]) }
        let block = blocks[spot.block]
        let isItem = block.tag == "LI"
        if isItem, !listOpen {
          cairo_tag_begin(cr, "L", "")
          listOpen = true
        } else if !isItem, listOpen {
          cairo_tag_end(cr, "L")
          listOpen = false
        }
        if block.outline, spot.line == 0 {
          let parent: Int32 = outlineIDs.isEmpty || block.tag == "H1" ? 0 : outlineIDs[0]
          let link = "page=\(spot.page + 1) pos=[\(Int(spot.x)) \(Int(spot.baseline - 14))]"
          let id = cairo_pdf_surface_add_outline(surface, parent, block.text, link, CAIRO_PDF_OUTLINE_FLAG_OPEN)
          outlineIDs.append(Int32(id))
        }
        beginTag(block)
        if case .banner = block.style { drawBanner(for: spot, blocks: blocks, layouts: layouts, placed: placed) }
        openBlock = spot.block
      }
      let block = blocks[spot.block]
      setColour(block.style)
      if case .item(let number) = block.style, spot.line == 0 {
        drawNumber(number, at: spot)
      }
      cairo_move_to(cr, spot.x, spot.baseline)
      if let line = pango_layout_get_line_readonly(layouts[spot.block], Int32(spot.line)) {
        pango_cairo_show_layout_line(cr, line)
      }
    }
    if let block = openBlock { endTag(blocks[block]) }
    if listOpen { cairo_tag_end(cr, "L") }
    cairo_tag_end(cr, "Document")
    cairo_show_page(cr)
  }

  private func beginTag(_ block: PDFLetter.Block) {
    if block.tag == "LI" {
      cairo_tag_begin(cr, "LI", "")
      cairo_tag_begin(cr, "LBody", "")
    } else {
      cairo_tag_begin(cr, block.tag, "")
    }
  }

  private func endTag(_ block: PDFLetter.Block) {
    if block.tag == "LI" {
      cairo_tag_end(cr, "LBody")
      cairo_tag_end(cr, "LI")
    } else {
      cairo_tag_end(cr, block.tag)
    }
  }

  private func indent(_ style: PDFLetter.Style) -> Double {
    switch style {
    case .item: return 18
    case .banner: return 8
    default: return 0
    }
  }

  private func lineSpacing(_ style: PDFLetter.Style) -> Double {
    switch style {
    case .title, .heading: return 1.05
    default: return 1.12
    }
  }

  private func font(_ style: PDFLetter.Style) -> (String, Double) {
    switch style {
    case .title: return ("DejaVu Sans Bold", 15)
    case .heading: return ("DejaVu Sans Bold", 10.5)
    case .subtitle: return ("DejaVu Sans", 8)
    case .banner: return ("DejaVu Sans Bold", 10.5)
    case .small: return ("DejaVu Sans", 8)
    default: return ("DejaVu Sans", 9)
    }
  }

  private func setColour(_ style: PDFLetter.Style) {
    switch style {
    case .banner: cairo_set_source_rgb(cr, 1, 1, 1)
    case .heading: cairo_set_source_rgb(cr, 0.0, 0.19, 0.53)  // NHS dark blue, 4.5:1 and more on white
    case .subtitle, .small: cairo_set_source_rgb(cr, 0.25, 0.25, 0.25)
    default: cairo_set_source_rgb(cr, 0, 0, 0)
    }
  }

  private func makeLayout(_ block: PDFLetter.Block) -> OpaquePointer {
    let layout = pango_cairo_create_layout(cr)!
    let (family, size) = font(block.style)
    let description = pango_font_description_from_string(family)
    pango_font_description_set_absolute_size(description, size * Double(PANGO_SCALE))
    pango_layout_set_font_description(layout, description)
    pango_font_description_free(description)
    let width = contentWidth - indent(block.style) * (block.style.isBanner ? 2 : 1)
    pango_layout_set_width(layout, Int32(width * Double(PANGO_SCALE)))
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
    let bytes = Array(block.text.utf8)
    bytes.withUnsafeBufferPointer { buffer in
      buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(1, bytes.count)) {
        pango_layout_set_text(layout, $0, Int32(bytes.count))
      }
    }
    if case .entry(let labelBytes) = block.style {
      let attributes = pango_attr_list_new()
      if let bold = pango_attr_weight_new(PANGO_WEIGHT_BOLD) {
        bold.pointee.start_index = 0
        bold.pointee.end_index = guint(labelBytes)
        pango_attr_list_insert(attributes, bold)
      }
      pango_layout_set_attributes(layout, attributes)
      pango_attr_list_unref(attributes)
    }
    return layout
  }

  private func height(_ layout: OpaquePointer) -> Double {
    var ink = PangoRectangle()
    var logical = PangoRectangle()
    pango_layout_get_extents(layout, &ink, &logical)
    return Double(logical.height) / Double(PANGO_SCALE) * 1.1
  }

  private func firstLineHeight(_ layout: OpaquePointer) -> Double {
    guard let line = pango_layout_get_line_readonly(layout, 0) else { return 0 }
    var ink = PangoRectangle()
    var logical = PangoRectangle()
    pango_layout_line_get_extents(line, &ink, &logical)
    return Double(logical.height) / Double(PANGO_SCALE) * 1.2
  }

  private func drawBanner(
    for spot: Placed, blocks: [PDFLetter.Block], layouts: [OpaquePointer], placed: [Placed]
  ) {
    let lines = placed.filter { $0.block == spot.block && $0.page == spot.page }
    guard let first = lines.first, let last = lines.last else { return }
    let topY = first.baseline - 14
    let bottomY = last.baseline + 6
    cairo_save(cr)
    cairo_set_source_rgb(cr, 0.70, 0.0, 0.0)
    cairo_rectangle(cr, PDFLetter.margin, topY, contentWidth, bottomY - topY)
    cairo_fill(cr)
    cairo_restore(cr)
  }

  private func drawNumber(_ number: Int, at spot: Placed) {
    let layout = pango_cairo_create_layout(cr)!
    defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
    let description = pango_font_description_from_string("DejaVu Sans")
    pango_font_description_set_absolute_size(description, 9 * Double(PANGO_SCALE))
    pango_layout_set_font_description(layout, description)
    pango_font_description_free(description)
    cairo_tag_begin(cr, "Lbl", "")
    pango_layout_set_text(layout, "\(number).", -1)
    if let line = pango_layout_get_line_readonly(layout, 0) {
      cairo_move_to(cr, PDFLetter.margin, spot.baseline)
      pango_cairo_show_layout_line(cr, line)
    }
    cairo_tag_end(cr, "Lbl")
  }

  /// The running header (title, record id) and footer (page N of M).
  private func drawPageFurniture(page: Int, of count: Int) {
    let layout = pango_cairo_create_layout(cr)!
    defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
    let description = pango_font_description_from_string("DejaVu Sans")
    pango_font_description_set_absolute_size(description, 8 * Double(PANGO_SCALE))
    pango_layout_set_font_description(layout, description)
    pango_font_description_free(description)
    pango_layout_set_width(layout, Int32(contentWidth * Double(PANGO_SCALE)))
    cairo_save(cr)
    cairo_set_source_rgb(cr, 0.25, 0.25, 0.25)

    pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
    pango_layout_set_text(layout, "Record \(recordID)", -1)
    cairo_move_to(cr, PDFLetter.margin, PDFLetter.margin - 10)
    pango_cairo_show_layout(cr, layout)

    cairo_set_line_width(cr, 0.5)
    cairo_move_to(cr, PDFLetter.margin, PDFLetter.margin + 6)
    cairo_line_to(cr, PDFLetter.pageWidth - PDFLetter.margin, PDFLetter.margin + 6)
    cairo_stroke(cr)

    pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
    pango_layout_set_text(layout, "Page \(page + 1) of \(count)  ·  Record \(recordID)", -1)
    cairo_move_to(cr, PDFLetter.margin, PDFLetter.pageHeight - PDFLetter.margin - 8)
    pango_cairo_show_layout(cr, layout)
    cairo_restore(cr)
  }
}

extension PDFLetter.Style {
  var isBanner: Bool {
    if case .banner = self { return true }
    return false
  }
}
