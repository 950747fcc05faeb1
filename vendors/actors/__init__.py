"""Who the actors are: applying, approval, profiles, team invitations, the directory
and the store pages."""
