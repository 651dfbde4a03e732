/// What a pledge is about (the schema's `PledgeCategory`, as snake_case names).
public enum PledgeCategory: String, Hashable, Sendable, CaseIterable {
  case defenceSpending = "defence_spending"
  case troopDeployment = "troop_deployment"
  case peaceProcess = "peace_process"
  case securityGuarantee = "security_guarantee"
  case militaryAid = "military_aid"
  case financialAid = "financial_aid"
  case humanitarianAid = "humanitarian_aid"
  case climateAid = "climate_aid"
  case diplomatic
  case sanctions
  case developmentAid = "development_aid"
  case other
}
