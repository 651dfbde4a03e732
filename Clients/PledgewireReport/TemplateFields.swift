import Mustache

// The views rendered most often (per pledge, per mark, per quote) name their fields for the templates directly:
// swift-mustache otherwise finds every field through Mirror, which made a 1,000-pledge report several times slower.

extension TimelineView.LaneView: MustacheParent {
  func child(named name: String) -> Any? {
    switch name {
    case "label": label
    case "fullLabel": fullLabel
    case "href": href
    case "labelX": labelX
    case "labelY": labelY
    case "x1": x1
    case "x2": x2
    case "y": y
    case "cls": cls
    case "statusLabel": statusLabel
    case "marks": marks
    case "deadline": deadline
    default: nil
    }
  }
}

extension TimelineView.MarkView: MustacheParent {
  func child(named name: String) -> Any? {
    switch name {
    case "d": d
    case "cls": cls
    case "title": title
    default: nil
    }
  }
}

extension PledgeCard: MustacheParent {
  func child(named name: String) -> Any? {
    switch name {
    case "anchor": anchor
    case "id": id
    case "action": action
    case "status": status
    case "overdue": overdue
    case "facts": facts
    case "labels": labels
    case "evidence": evidence
    default: nil
    }
  }
}

extension PledgeCard.Fact: MustacheParent {
  func child(named name: String) -> Any? {
    switch name {
    case "name": self.name
    case "value": value
    default: nil
    }
  }
}

extension PledgeCard.EvidenceView: MustacheParent {
  func child(named name: String) -> Any? {
    switch name {
    case "stance": stance
    case "quote": quote
    case "source": source
    case "reported": reported
    case "note": note
    default: nil
    }
  }
}

extension SourceView: MustacheParent {
  func child(named name: String) -> Any? {
    switch name {
    case "title": title
    case "outlet": outlet
    case "published": published
    case "url": url
    default: nil
    }
  }
}

extension StatusTag: MustacheParent {
  func child(named name: String) -> Any? {
    switch name {
    case "label": label
    case "cls": cls
    case "paint": paint
    case "d": d
    case "symbol": symbol
    case "count": count
    default: nil
    }
  }
}

extension TimelineView: MustacheParent {
  func child(named name: String) -> Any? {
    switch name {
    case "title": title
    case "width": width
    case "height": height
    case "ticks": ticks
    case "nowX": nowX
    case "nowY1": nowY1
    case "nowY2": nowY2
    case "nowTitle": nowTitle
    case "lanes": lanes
    default: nil
    }
  }
}

extension ActorReport.View: MustacheParent {
  func child(named name: String) -> Any? {
    switch name {
    case "header": header
    case "meter": meter
    case "roles": roles
    case "timelines": timelines
    case "cards": cards
    default: nil
    }
  }
}
